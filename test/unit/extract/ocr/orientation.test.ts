import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { ocrImage, shutdownOcr } from '../../../../src/extract/ocr/index.js';
import { quarterTurn } from '../../../../src/extract/ocr/image.js';

afterAll(() => shutdownOcr());

describe('sideways pictures', () => {
  it('quarter turns are exact and undo each other', () => {
    const img = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    const cw = quarterTurn(img, 1);
    expect(cw).toMatchObject({ width: 2, height: 3 });
    expect([...cw.data]).toEqual([4, 1, 5, 2, 6, 3]);
    expect([...quarterTurn(cw, 3).data]).toEqual([...img.data]);
  });

  it('reads a table scanned sideways after turning it upright', { timeout: 120_000 }, async () => {
    // The top rows of the committed table picture (title to 30102), turned a quarter clockwise.
    const table = await loadImage(readFileSync('samples/images/seed001-gongkai06-basic-economic.png'));
    const w = table.width;
    const h = 250;
    const canvas = createCanvas(h, w);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, h, w);
    ctx.translate(h, 0);
    ctx.rotate(Math.PI / 2);
    ctx.drawImage(table, 0, 0, w, h, 0, 0, w, h);
    const r = await ocrImage(new Uint8Array(await canvas.encode('png')), { timeoutMs: 100_000 });
    expect(r.layout?.quarterTurn).toBe(270);
    expect(r.width).toBe(w);
    const texts = r.words.map((x) => x.text);
    for (const n of ['490.68', '438.2', '52.48', '411.96', '145.20', '119.08']) expect(texts).toContain(n);
  });
});
