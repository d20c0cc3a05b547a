import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { workbookExtractor } from '../../../src/extract/xlsx/index.js';
import { defaultLimits } from '../../../src/extract/types.js';
import { checkDocument, readGolden, sampleBytes } from '../table-golden.js';

/**
 * yangling-2019-selfeval.expected.json is written from seed 001; the corpus template's file was
 * generated once and checked cell by cell against LibreOffice's CSV export of all 16 sheets.
 */
const cases = ['yangling-2019-selfeval', 'shanghai-putuo-2026-unit-budget-template'];

describe('XLS/XLSX golden', () => {
  for (const name of cases) {
    it(`${name}: every sheet as a table, cell for cell`, async () => {
      const golden = readGolden(`test/golden/xlsx/${name}.expected.json`);
      const bytes = sampleBytes(`samples/xlsx/${golden.sample}`);
      const id = createHash('sha256').update(bytes).digest('hex');
      const doc = await workbookExtractor.extract(bytes, {
        source: { id, url: `file:samples/xlsx/${golden.sample}`, fetchedAt: '2026-01-01T00:00:00Z', mediaType: golden.format, size: bytes.length },
        limits: defaultLimits,
      });
      expect(doc.format).toBe(golden.format);
      checkDocument(doc, golden, `test/golden/xlsx/${name}.expected.json`);
      // Provenance page is the sheet's 1-based index.
      doc.tables.forEach((t) => expect(t.cells.every((c) => c.prov.page === t.prov.page)).toBe(true));
    });
  }
});
