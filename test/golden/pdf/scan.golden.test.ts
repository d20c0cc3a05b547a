import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/extract/pdf/index.js';
import { defaultLimits } from '../../../src/extract/types.js';
import { toTextRows } from '../../../src/model/grid.js';
import type { ExpectedDocument } from './project.js';
import { SCAN_SAMPLE } from '../../../scripts/build-scan-samples.js';
import { derivedAvailable, derivedFile } from '../../helpers/derived.js';

/**
 * The scanned page (built at test time by scripts/build-scan-samples.ts from page 15 of the Putuo
 * 2024 决算 in the corpus) goes through render -> OCR -> the same table reconstruction as the text layer:
 * it must come out with the grid of the text-layer original (snapshot p15-t1), and its amounts
 * mostly equal. Cell-exact OCR text is pinned by test/golden/ocr/.
 */
const ORIGINAL = 'test/snapshots/pdf/shanghai-putuo-finance-bureau-2024-final.expected.json';
const amount = /^\d{1,3}(,\d{3})*\.\d\d$/;

describe('golden: scanned PDF page through OCR', () => {
  afterAll(async () => {
    await (await import('../../../src/extract/ocr/index.js')).shutdownOcr();
  });

  it.runIf(derivedAvailable(SCAN_SAMPLE))(
    'rebuilds the original grid from OCR words and rulings',
    { timeout: 300_000 },
    async () => {
      const scan = await derivedFile(SCAN_SAMPLE);
      const bytes = new Uint8Array(readFileSync(scan));
      const source = {
        id: 'scan',
        url: `file:${scan}`,
        fetchedAt: '2026-01-01T00:00:00Z',
        mediaType: 'application/pdf',
        size: bytes.length,
      };
      const doc = await extractPdf(bytes, { source, limits: { ...defaultLimits, ocr: true } });
      const original = (JSON.parse(readFileSync(ORIGINAL, 'utf8')) as ExpectedDocument).tables.find(
        (t) => t.id === 'p15-t1',
      )!;
      expect(doc.issues.map((i) => i.code)).toEqual(['pdf.ocr_page']);
      expect(doc.tables).toHaveLength(1);
      const t = doc.tables[0]!;
      expect([t.nRows, t.nCols]).toEqual([original.nRows, original.nCols]);
      expect(t.cells[0]!.prov).toMatchObject({ method: 'ocr', page: 1 });
      expect(t.cells[0]!.prov.confidence).toBeGreaterThan(0);
      const got = toTextRows(t);
      const want = original.rows
        .flatMap((r, i) => r.map((text, j) => [text.trim(), got[i]?.[j]?.trim()] as const))
        .filter(([w]) => amount.test(w));
      const same = want.filter(([w, g]) => w === g).length;
      expect(same / want.length).toBeGreaterThan(0.8);
    },
  );
});
