import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { PermanentError } from '../../model/errors.js';
import { readImageHeader } from '../image/header.js';
import { MAX_IMAGE_PIXELS } from './limits.js';

/** An 8-bit grey image, row-major, 0 = black. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Decodes PNG/JPEG bytes (anything @napi-rs/canvas reads) to grey by luminance. The size the header states is
 * checked before decoding, and the decoded size after, against MAX_IMAGE_PIXELS: a picture in a DOCX reaches OCR
 * without the image extractor's check, and a PNG claiming 100 000 × 100 000 would otherwise be allocated (issue 16).
 */
export async function decodeGrey(bytes: Uint8Array): Promise<GreyImage> {
  const head = readImageHeader(bytes);
  if (head) tooLarge(head.width, head.height);
  const img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  tooLarge(img.width, img.height);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  // Transparent screenshots: composite on white, as a viewer would show them.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  return fromCanvas(canvas);
}

function tooLarge(width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS)
    throw new PermanentError(
      'ocr.image_too_large',
      `a ${width} × ${height} px picture (${Math.round((width * height) / 1e6)} MP) is over the ${MAX_IMAGE_PIXELS / 1e6} MP OCR limit`,
    );
}

function fromCanvas(canvas: Canvas): GreyImage {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    data[i] = (rgba[j]! * 299 + rgba[j + 1]! * 587 + rgba[j + 2]! * 114) / 1000;
  }
  return { width, height, data };
}

function toCanvas(img: GreyImage, box: PixelBox = { x0: 0, y0: 0, x1: img.width, y1: img.height }): Canvas {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  const out = ctx.createImageData(w, h);
  for (let y = 0; y < h; y++) {
    const row = (y + box.y0) * img.width + box.x0;
    for (let x = 0; x < w; x++) {
      const v = img.data[row + x]!;
      const j = (y * w + x) * 4;
      out.data[j] = out.data[j + 1] = out.data[j + 2] = v;
      out.data[j + 3] = 255;
    }
  }
  ctx.putImageData(out, 0, 0);
  return canvas;
}

/**
 * An image region as a binary PGM (P5), scaled (bilinear) and padded with white: tesseract reads best with text
 * 20-40 px high and a margin around it. PGM, not PNG (issue 12): a grey image is its own encoding, where compressing a
 * 300 dpi page to PNG took seconds on the main thread and decoding it again took tesseract as long.
 */
export function encodeRegion(img: GreyImage, box: PixelBox, scale = 1, pad = 0, threshold?: number): Buffer {
  const w = Math.round((box.x1 - box.x0) * scale) + 2 * pad;
  const h = Math.round((box.y1 - box.y0) * scale) + 2 * pad;
  const header = Buffer.from(`P5\n${w} ${h}\n255\n`, 'latin1');
  const out = Buffer.alloc(header.length + w * h);
  header.copy(out);
  const grey = out.subarray(header.length);
  if (scale === 1 && pad === 0) {
    for (let y = 0; y < h; y++) {
      const row = (y + box.y0) * img.width + box.x0;
      grey.set(img.data.subarray(row, row + w), y * w);
    }
  } else {
    const canvas = createCanvas(w, h);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(toCanvas(img, box), pad, pad, w - 2 * pad, h - 2 * pad);
    const rgba = ctx.getImageData(0, 0, w, h).data;
    for (let i = 0, j = 0; i < grey.length; i++, j += 4) grey[i] = rgba[j]!;
  }
  // Scanner noise and JPEG ringing become speckles tesseract reads as dots and commas.
  if (threshold !== undefined) for (let i = 0; i < grey.length; i++) grey[i] = grey[i]! <= threshold ? 0 : 255;
  return out;
}

/** Rotates by `degrees` (clockwise positive) about the centre, keeping the size; corners go white. */
export function rotate(img: GreyImage, degrees: number): GreyImage {
  const src = toCanvas(img);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(src, -img.width / 2, -img.height / 2);
  return fromCanvas(canvas);
}

/** 3x3 box blur: evens out scanner grain before thresholding, keeps strokes 2+ px wide. */
export function smooth(img: GreyImage): GreyImage {
  const { width: w, height: h, data } = img;
  const tmp = new Uint16Array(w * h);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      tmp[i] = data[i]! + data[x > 0 ? i - 1 : i]! + data[x < w - 1 ? i + 1 : i]!;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      out[i] = Math.round((tmp[i]! + tmp[y > 0 ? i - w : i]! + tmp[y < h - 1 ? i + w : i]!) / 9);
    }
  }
  return { width: w, height: h, data: out };
}

/** A quarter turn, clockwise (`quarters` = 1) or anticlockwise (3); exact, no resampling. */
export function quarterTurn(img: GreyImage, quarters: 1 | 3): GreyImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Clockwise: (x, y) goes to (h - 1 - y, x) in a picture h wide; anticlockwise: (y, w - 1 - x).
      const to = quarters === 1 ? x * h + (h - 1 - y) : (w - 1 - x) * h + y;
      out[to] = data[y * w + x]!;
    }
  }
  return { width: h, height: w, data: out };
}

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsu(img: GreyImage): number {
  const hist = new Float64Array(256);
  for (const v of img.data) hist[v]! += 1;
  const total = img.data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const between = wB * wF * (sumB / wB - (sumAll - sumB) / wF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * Grain of the paper: median absolute deviation of background pixels. Zero for a rendered
 * screenshot, several grey levels for a scan. Binarising helps a scan and hurts thin
 * anti-aliased screenshot strokes, so the cell pass asks this first.
 */
export function paperGrain(img: GreyImage, threshold: number): number {
  const bg: number[] = [];
  const step = Math.max(1, Math.floor(img.data.length / 200_000));
  for (let i = 0; i < img.data.length; i += step) if (img.data[i]! > threshold) bg.push(img.data[i]!);
  if (bg.length === 0) return 0;
  bg.sort((a, b) => a - b);
  const med = bg[bg.length >> 1]!;
  const dev = bg.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
  return dev[dev.length >> 1]!;
}

/** Share of ink pixels in a region, to tell empty cells from filled ones. */
export function inkShare(img: GreyImage, box: PixelBox, threshold: number): number {
  let ink = 0;
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++, n++) if (img.data[y * img.width + x]! <= threshold) ink++;
  }
  return n === 0 ? 0 : ink / n;
}
