import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/extract/pdf/index.js';
import { defaultLimits } from '../../../src/extract/types.js';
import { toTextRows } from '../../../src/model/grid.js';

/**
 * Issue 3: "pages whose text is unusable (… glyphs without Unicode mapping) are rendered and OCR'd".
 * The sample (scripts/build-unmapped-sample.ts) is the top of seed 001's 公开06表 in a CJK subset font
 * whose /ToUnicode was removed: pdf.js reads its glyph ids as U+0001, U+0002, … (controls, then
 * ASCII). Amounts below are the seed's printed ones: 合计 490.68 = 人员经费 438.2 + 公用经费 52.48.
 */
const SAMPLE = 'samples/pdf/scan/yangling-2019-gongkai06-unmapped-glyphs.pdf';

async function extract(ocr: boolean) {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const source = {
    id: 'unmapped',
    url: `file:${SAMPLE}`,
    fetchedAt: '2026-01-01T00:00:00Z',
    mediaType: 'application/pdf',
    size: bytes.length,
  };
  return extractPdf(bytes, { source, limits: { ...defaultLimits, ocr } });
}

describe('golden: glyphs without Unicode mapping', () => {
  afterAll(async () => {
    await (await import('../../../src/extract/ocr/index.js')).shutdownOcr();
  });

  it('sees the text layer as unusable: every character of the font, not only its control codes', async () => {
    const doc = await extract(false);
    const text = doc.pages[0]!.runs.map((r) => r.text).join('');
    // What the font really yields: controls and ASCII, no Chinese, no printed amount.
    expect(text).toMatch(/[\u0001-\u0008]/);
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toContain('490.68');
    expect(doc.issues.map((i) => i.code)).toEqual(['pdf.unmapped_text', 'pdf.ocr_disabled']);
    const unmapped = doc.issues[0]!;
    const [, bad, total] = /(\d+) of (\d+) characters/.exec(unmapped.message)!;
    expect(bad).toBe(total);
    expect(unmapped.prov).toMatchObject({ page: 1, method: 'text-layer' });
  });

  it('reads the table by OCR instead, amounts exact', { timeout: 300_000 }, async () => {
    const doc = await extract(true);
    expect(doc.issues.map((i) => i.code)).toEqual(['pdf.unmapped_text', 'pdf.ocr_page']);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    // Two header rows and eight printed lines, six columns.
    expect([t.nRows, t.nCols]).toEqual([10, 6]);
    expect(t.cells.every((c) => c.prov.method === 'ocr' && c.prov.page === 1)).toBe(true);
    const rows = toTextRows(t).map((r) => r.map((s) => s.trim()));
    expect(rows[2]!.slice(2, 5)).toEqual(['490.68', '438.2', '52.48']);
    expect(rows.slice(3).map((r) => r[0])).toEqual(['301', '30101', '30102', '30103', '30108', '30311', '30199']);
    expect(rows.slice(3).map((r) => r[2])).toEqual(['411.96', '145.20', '119.08', '58.81', '42.72', '44.17', '1.97']);
    expect(rows[2]![1]).toBe('合计');
    expect(t.context.join(' ')).toContain('公开06表');
  });
});
