import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { workbookExtractor } from '../../../src/extract/xlsx/index.js';
import { defaultLimits } from '../../../src/extract/types.js';
import { checkDocument, readGolden, sampleBytes } from '../table-golden.js';
import { sampleAvailable, samplePath, testSampleIndex } from '../../helpers/derived.js';

/**
 * yangling-2019-selfeval.expected.json is written from seed 001; the corpus template's file was
 * generated once and checked cell by cell against LibreOffice's CSV export of all 16 sheets; that workbook is read
 * from the corpus (test/helpers/corpus.ts), the other from samples/xlsx/.
 */
const cases = ['yangling-2019-selfeval', 'shanghai-putuo-2026-unit-budget-template'];
const samples = testSampleIndex();

describe('XLS/XLSX golden', () => {
  for (const name of cases) {
    const golden = readGolden(`test/golden/xlsx/${name}.expected.json`);
    it.runIf(sampleAvailable(golden.sample, samples))(`${name}: every sheet as a table, cell for cell`, async () => {
      const path = await samplePath(golden.sample, samples);
      const bytes = sampleBytes(path);
      const id = createHash('sha256').update(bytes).digest('hex');
      const doc = await workbookExtractor.extract(bytes, {
        source: {
          id,
          url: `file:${path}`,
          fetchedAt: '2026-01-01T00:00:00Z',
          mediaType: golden.format,
          size: bytes.length,
        },
        limits: defaultLimits,
      });
      expect(doc.format).toBe(golden.format);
      checkDocument(doc, golden, `test/golden/xlsx/${name}.expected.json`);
      // Provenance page is the sheet's 1-based index.
      doc.tables.forEach((t) => expect(t.cells.every((c) => c.prov.page === t.prov.page)).toBe(true));
    });
  }
});
