import { afterAll, describe, expect, it } from 'vitest';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { poolSize, withWorker } from '../../../../src/extract/ocr/engine.js';
import { ocrImage, shutdownOcr } from '../../../../src/extract/ocr/index.js';
import { TransientError } from '../../../../src/model/errors.js';

/** A picture of one number, drawn with whatever sans font the machine has (digits are Latin). */
async function numberPicture(text: string): Promise<Uint8Array> {
  const canvas = createCanvas(320, 90);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 90);
  ctx.fillStyle = '#000';
  ctx.font = `40px ${GlobalFonts.families.length ? 'sans-serif' : 'serif'}`;
  ctx.fillText(text, 30, 60);
  return new Uint8Array(await canvas.encode('png'));
}

afterAll(() => shutdownOcr());

describe('OCR engine', () => {
  it('never reaches the network: the worker refuses to fetch language data', async () => {
    // A URL langPath makes tesseract.js download; the offline worker must refuse instead of trying.
    const err = await ocrImage(await numberPicture('1'), {
      timeoutMs: 60_000,
      tuning: { langPath: 'https://cdn.jsdelivr.net/npm/@tesseract.js-data/chi_sim/4.0.0' },
    }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/network access is disabled in the OCR worker/);
    expect(poolSize()).toBe(0);
  });

  it('terminates a worker whose job passes the time limit and throws ocr.timeout', async () => {
    const started = Date.now();
    const err = await withWorker('eng', { deadline: Date.now() + 4000, what: 'a stuck job' }, () => new Promise<never>(() => {})).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TransientError);
    expect((err as TransientError).code).toBe('ocr.timeout');
    expect(Date.now() - started).toBeLessThan(6000);
    expect(poolSize()).toBe(0);
  });

  it('gives up on a page at its deadline, then reads the next one on a fresh worker', async () => {
    const err = await ocrImage(await numberPicture('2,106.66'), { timeoutMs: 50 }).catch((e: unknown) => e);
    expect((err as TransientError).code).toBe('ocr.timeout');
    expect(poolSize()).toBe(0);
    const ok = await ocrImage(await numberPicture('2,106.66'), { timeoutMs: 60_000 });
    expect(ok.words.map((w) => w.text).join('')).toContain('2,106.66');
    expect(ok.confidence).toBeGreaterThan(0.5);
    expect(ok.confidence).toBeLessThanOrEqual(1);
  });
});
