/**
 * Turns a one-page text PDF into an image-only "scan": poppler renders it at 200 dpi in grey, the page is turned
 * 0.9° and softened like a sheet fed askew through a scanner, grey paper, seeded sensor noise and rare dust specks
 * are added, the result is written as a one-component (grey) JPEG at quality 80 by libjpeg-turbo's cjpeg (Debian
 * libjpeg-turbo-progs; @napi-rs/canvas writes only three-component JPEGs) and placed alone on an A4 page.
 * Deterministic: seeded noise, fixed PDF dates.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';

export const SCAN = { dpi: 200, turnDegrees: 0.9, blurPx: 0.7, jpegQuality: 80, noiseSeed: 20230618 } as const;

/** mulberry32: a small seeded generator, so the noise is the same on every build. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Renders page 1 of `textPdf` (in `workDir`) and writes the degraded picture; returns the grey JPEG. */
export async function scanPage(textPdf: string, workDir: string): Promise<{ jpeg: Buffer; png: string }> {
  const base = join(workDir, 'page');
  execFileSync(
    'pdftoppm',
    ['-f', '1', '-l', '1', '-r', String(SCAN.dpi), '-gray', '-png', '-singlefile', textPdf, base],
    { stdio: 'ignore' },
  );
  const page = await loadImage(readFileSync(`${base}.png`));
  const { width, height } = page;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.translate(width / 2, height / 2);
  ctx.rotate((SCAN.turnDegrees * Math.PI) / 180);
  ctx.filter = `blur(${SCAN.blurPx}px)`;
  ctx.drawImage(page, -width / 2, -height / 2);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.filter = 'none';
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const grey = new Uint8Array(width * height);
  const rand = rng(SCAN.noiseSeed);
  for (let i = 0; i < grey.length; i++) {
    // Paper a little grey and a little darker towards the right edge, ink not quite black, sensor noise, dust.
    const shade = 14 + (8 * (i % width)) / width;
    let v = shade + (rgba[i * 4]! * (236 - shade)) / 255 + (rand() + rand() + rand() - 1.5) * 16;
    if (rand() < 0.0003) v = 50 + rand() * 90;
    grey[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  // Binary PGM in, baseline grey JFIF out: what a scanner in grey mode writes.
  const pgm = join(workDir, 'scan.pgm');
  writeFileSync(pgm, Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), Buffer.from(grey)]));
  const jpeg = execFileSync('cjpeg', ['-grayscale', '-quality', String(SCAN.jpegQuality), '-baseline', pgm]);
  // The degraded picture as PNG too, for looking at it (it stays in the temp folder).
  const png = join(workDir, 'scan.png');
  const view = createCanvas(width, height);
  const vctx = view.getContext('2d');
  const out = vctx.createImageData(width, height);
  for (let i = 0; i < grey.length; i++) {
    out.data[i * 4] = out.data[i * 4 + 1] = out.data[i * 4 + 2] = grey[i]!;
    out.data[i * 4 + 3] = 255;
  }
  vctx.putImageData(out, 0, 0);
  writeFileSync(png, await view.encode('png'));
  return { jpeg, png };
}

/** The JPEG alone on an A4 page, no text layer, no title (a scanner names none). */
export function writeScanPdf(jpeg: Buffer, out: string): Promise<void> {
  const fixed = new Date('2024-06-18T00:00:00Z');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    info: {
      CreationDate: fixed,
      ModDate: fixed,
      Producer: 'budgetdoc build-hard-samples',
      Creator: 'scanner simulation',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.image(jpeg, 0, 0, { width: doc.page.width, height: doc.page.height });
  doc.end();
  return done.then(() => writeFileSync(out, Buffer.concat(chunks)));
}
