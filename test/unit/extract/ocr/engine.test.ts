import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { pooled, withWorker } from '../../../../src/extract/ocr/engine.js';
import { ocrImage, shutdownOcr } from '../../../../src/extract/ocr/index.js';
import { TransientError } from '../../../../src/model/errors.js';

/**
 * The 合计 amount cell (490.68) of the committed table picture, cut inside its rulings and
 * enlarged: a picture of one number that needs no font on the test machine.
 */
async function numberPicture(): Promise<Uint8Array> {
  const table = await loadImage(readFileSync('samples/images/seed001-gongkai06-basic-economic.png'));
  const canvas = createCanvas(300, 90);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 300, 90);
  ctx.drawImage(table, 328, 147, 98, 21, 0, 13, 294, 63);
  return new Uint8Array(await canvas.encode('png'));
}

afterAll(() => shutdownOcr());

describe('OCR engine', () => {
  it('never reaches the network: the worker refuses to fetch language data', async () => {
    // A URL langPath makes tesseract.js download; the offline worker must refuse instead of trying.
    const err = await ocrImage(await numberPicture(), {
      timeoutMs: 60_000,
      tuning: { langPath: 'https://cdn.jsdelivr.net/npm/@tesseract.js-data/chi_sim/4.0.0' },
    }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/network access is disabled in the OCR worker/);
    expect(pooled()).not.toContain('chi_sim');
    await shutdownOcr();
  });

  it('terminates a worker whose job passes the time limit and throws ocr.timeout', async () => {
    const started = Date.now();
    const err = await withWorker(
      'eng',
      { deadline: Date.now() + 4000, what: 'a stuck job' },
      () => new Promise<never>(() => {}),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as TransientError).code).toBe('ocr.timeout');
    expect(Date.now() - started).toBeLessThan(6000);
    expect(pooled()).not.toContain('eng');
  });

  it('gives up on a page at its deadline, then reads the next one on a fresh worker', async () => {
    const err = await ocrImage(await numberPicture(), { timeoutMs: 50 }).catch((e: unknown) => e);
    expect((err as TransientError).code).toBe('ocr.timeout');
    // The page's reader was stopped mid-start; the digit reader warmed beside it may stay.
    expect(pooled()).not.toContain('chi_sim');
    const ok = await ocrImage(await numberPicture(), { timeoutMs: 60_000 });
    expect(ok.words.map((w) => w.text)).toEqual(['490.68']);
    expect(ok.confidence).toBeGreaterThan(0.5);
    expect(ok.confidence).toBeLessThanOrEqual(1);
  });
});
