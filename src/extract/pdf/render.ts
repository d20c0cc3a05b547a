import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PermanentError } from '../../model/errors.js';
import type { PdfPage } from './load.js';

export { OCR_DPI } from '../ocr/limits.js';
import { MAX_RENDER_PIXELS, OCR_DPI } from '../ocr/limits.js';

interface NapiCanvas {
  createCanvas(
    w: number,
    h: number,
  ): { width: number; height: number; getContext(kind: '2d'): unknown; encode(kind: 'png'): Promise<Buffer> };
}

/** Share of sampled pixels darker than paper; a scan drawn as nothing (pdf.js failed silently) is ~0. */
function inkShare(ctx: CanvasRenderingContext2D, w: number, h: number): number {
  const data = ctx.getImageData(0, 0, w, h).data;
  const step = Math.max(1, Math.floor(Math.sqrt((w * h) / 40_000)));
  let ink = 0,
    seen = 0;
  for (let y = 0; y < h; y += step) {
    for (let x = 0; x < w; x += step) {
      const k = (y * w + x) * 4;
      seen++;
      if (data[k]! + data[k + 1]! + data[k + 2]! < 600) ink++;
    }
  }
  return seen ? ink / seen : 0;
}

export interface Rendered {
  png: Uint8Array;
  /** Nothing was drawn: the caller tries another renderer. */
  blank: boolean;
}

/**
 * The @napi-rs/canvas that pdf.js itself loads (pdfjs-dist pins its own 0.1.x copy): pdf.js
 * draws with that copy's Path2D, which a canvas from the project's 1.x copy rejects.
 */
function pdfjsCanvas(): NapiCanvas {
  const fromPdfJs = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return fromPdfJs('@napi-rs/canvas') as NapiCanvas;
}

/**
 * Renders a page to PNG with pdf.js on @napi-rs/canvas. The caller picks `dpi` with renderDpi (ocr/limits.ts);
 * a canvas over MAX_RENDER_PIXELS is refused here too, before it is allocated.
 */
export async function renderWithPdfJs(page: PdfPage, dpi = OCR_DPI): Promise<Rendered> {
  const { createCanvas } = pdfjsCanvas();
  const viewport = page.getViewport({ scale: dpi / 72 });
  const w = Math.ceil(viewport.width);
  const h = Math.ceil(viewport.height);
  if (!(w * h <= MAX_RENDER_PIXELS) || w <= 0 || h <= 0)
    throw new PermanentError(
      'pdf.page_too_large',
      `a ${w} × ${h} px rendering is over the ${MAX_RENDER_PIXELS / 1e6} MP limit`,
    );
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx, viewport }).promise;
  const blank = inkShare(ctx, canvas.width, canvas.height) < 0.0005;
  return { png: new Uint8Array(await canvas.encode('png')), blank };
}

/**
 * Poppler's pdftoppm, where it is installed: it draws non-embedded CJK fonts that pdf.js
 * cannot (issue 3). Absent on a bare machine, so callers treat undefined as "not available".
 */
export async function renderWithPdftoppm(
  bytes: Uint8Array,
  pageNumber: number,
  dpi = OCR_DPI,
): Promise<Uint8Array | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'budgetdoc-pdf-'));
  try {
    await writeFile(join(dir, 'in.pdf'), bytes);
    const args = [
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(pageNumber),
      '-l',
      String(pageNumber),
      '-singlefile',
      join(dir, 'in.pdf'),
      join(dir, 'out'),
    ];
    await promisify(execFile)('pdftoppm', args, { timeout: 60_000 });
    return new Uint8Array(await readFile(join(dir, 'out.png')));
  } catch {
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
