import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { htmlExtractor } from '../../src/extract/html/index.js';
import { HTML_LIMITS, pageShape } from '../../src/extract/html/limits.js';
import { decodeGrey } from '../../src/extract/ocr/image.js';
import { MAX_RENDER_PIXELS, renderDpi } from '../../src/extract/ocr/limits.js';
import { extractPdf } from '../../src/extract/pdf/index.js';
import { defaultLimits } from '../../src/extract/types.js';
import { png } from '../../scripts/hostile-corpus/images.js';
import { imageOver, onePage, smallGreyImage, writePdf } from '../../scripts/hostile-corpus/pdf-writer.js';
import { testSource } from '../helpers/sources.js';

/** Issue 16: what HTML pages, pictures and PDF pages may cost before anything is allocated for them. */
const ctx = (bytes: Uint8Array, name: string, ocr = false) => ({
  source: testSource(bytes, name, 'text/html'),
  limits: { ...defaultLimits, ocr },
});
const html = (body: string) => new Uint8Array(Buffer.from(`<meta charset="utf-8"><body>${body}</body>`, 'utf8'));
const extract = (body: string) => {
  const bytes = html(body);
  return htmlExtractor.extract(bytes, ctx(bytes, 'p.html'));
};

describe('HTML bounds', () => {
  it('estimates depth and elements in one pass: self-closing, optional-end and script contents do not nest', () => {
    expect(
      pageShape('<div><div><p>a<p>b<br><img src=x></div></div><script>if (a<b) {}</script><!-- <div> -->'),
    ).toEqual({
      depth: 2,
      elements: 6,
    });
  });

  it('refuses a page too deep or with too many elements before parse5 sees it', async () => {
    await expect(extract(`${'<div>'.repeat(HTML_LIMITS.maxDepth + 5)}x`)).rejects.toMatchObject({
      code: 'html.too_deep',
    });
    await expect(
      extract(`<table>${'<tr><td>1</td></tr>'.repeat(HTML_LIMITS.maxElements / 2 + 10)}</table>`),
    ).rejects.toMatchObject({
      code: 'html.too_large',
    });
  });

  it('refuses spans that would reserve more than a million grid positions, clips rows and columns with a warning', async () => {
    // One cell covering 1000 × 1000 is the most a table may reserve: the next one is refused.
    const full = `<tr><td rowspan="1000" colspan="1000">x</td></tr>${'<tr></tr>'.repeat(999)}`;
    await expect(extract(`<table>${full}</table>`)).resolves.toMatchObject({
      tables: [expect.objectContaining({ nRows: 1000 })],
    });
    await expect(extract(`<table>${full}<tr><td>y</td></tr></table>`)).rejects.toMatchObject({
      code: 'html.table_too_large',
    });
    const overlapping = Array.from(
      { length: 1100 },
      (_, i) => `<tr><td rowspan="1000">${i}</td><td colspan="1000">z</td></tr>`,
    ).join('');
    await expect(extract(`<table>${overlapping}</table>`)).rejects.toMatchObject({ code: 'html.table_too_large' });
    const wide = await extract(`<table><tr>${'<td>1</td>'.repeat(1500)}</tr></table>`);
    expect(wide.tables[0]!.nCols).toBe(HTML_LIMITS.maxCols);
    expect(wide.issues.map((i) => i.code)).toContain('html.absurd_size');
  });

  it('cuts a paragraph longer than 20 000 characters and turns unpaired surrogates into U+FFFD', async () => {
    const doc = await extract(`<p>${'决算'.repeat(15_000)}</p><table><tr><td>合计\uD800</td><td>1</td></tr></table>`);
    expect(doc.pages[0]!.runs[0]!.text.length).toBe(HTML_LIMITS.maxLineChars);
    expect(doc.issues.map((i) => i.code)).toContain('html.text_clipped');
    expect(doc.tables[0]!.cells[0]!.text).toBe('合计\uFFFD');
  });
});

describe('OCR and render bounds', () => {
  it('renders at 300 dpi, lower for large pages, and not at all below 150 dpi', () => {
    expect(renderDpi(595, 842)).toBe(300);
    const a1 = renderDpi(1684, 2384)!;
    expect(a1).toBeLessThan(300);
    expect(((1684 * a1) / 72) * ((2384 * a1) / 72)).toBeLessThanOrEqual(MAX_RENDER_PIXELS);
    expect(renderDpi(5000, 5000)).toBeUndefined();
    expect(renderDpi(1e7, 1e7)).toBeUndefined();
    expect(renderDpi(Number.POSITIVE_INFINITY, 100)).toBeUndefined();
    expect(renderDpi(-500, 500)).toBeUndefined();
  });

  it('refuses a picture whose header claims 100000 × 100000 before decoding it', async () => {
    const bomb = png(100_000, 100_000, new Uint8Array(zlib.deflateSync(Buffer.alloc(100))));
    await expect(decodeGrey(bomb)).rejects.toMatchObject({ code: 'ocr.image_too_large' });
  });

  it('fails an image-only page of 5000 × 5000 points with its size instead of rendering 434 MP', async () => {
    let called = false;
    const bytes = writePdf(onePage('[0 0 5000 5000]', imageOver(5000, 5000), smallGreyImage()));
    const doc = await extractPdf(bytes, ctx(bytes, 'big.pdf', true), {
      ocr: async () => {
        called = true;
        throw new Error('must not be reached');
      },
    });
    expect(called).toBe(false);
    expect(doc.status).toBe('failed');
    expect(doc.issues).toEqual([
      expect.objectContaining({ code: 'pdf.page_too_large', message: expect.stringMatching(/5000 × 5000 points/) }),
    ]);
  });
});
