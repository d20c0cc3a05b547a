import { createHash } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { docxExtractor } from '../../../src/extract/docx/index.js';
import { shutdownOcr } from '../../../src/extract/ocr/index.js';
import { defaultLimits } from '../../../src/extract/types.js';
import { checkDocument, readGolden, sampleBytes } from '../table-golden.js';

const cases = ['yangling-2019-final', 'kaili-2021-perf-target'];

afterAll(async () => {
  await shutdownOcr();
});

describe('DOCX golden', () => {
  for (const name of cases) {
    it(`${name}: every table cell for cell, with its part and locator`, async () => {
      const golden = readGolden(`test/golden/docx/${name}.expected.json`);
      const bytes = sampleBytes(`samples/docx/${golden.sample}`);
      const id = createHash('sha256').update(bytes).digest('hex');
      const doc = await docxExtractor.extract(bytes, {
        source: {
          id,
          url: `file:samples/docx/${golden.sample}`,
          fetchedAt: '2026-01-01T00:00:00Z',
          mediaType: 'docx',
          size: bytes.length,
        },
        limits: defaultLimits,
      });
      checkDocument(doc, golden, `test/golden/docx/${name}.expected.json`);
    });
  }
});
