import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/extract/pdf/index.js';
import { defaultLimits } from '../../../src/extract/types.js';
import { formatJson, projectDocument, type ExpectedDocument } from './project.js';

/**
 * Every sample PDF against its table snapshot in test/snapshots/pdf/ (issue 3): what the extractor
 * printed once (ids, boxes, captions included), reviewed and checked with scripts/check-pdf-expected.ts;
 * they catch changes, they do not measure accuracy (test/snapshots/README.md).
 * UPDATE_GOLDEN=1 rewrites them, which CI refuses.
 */
const ROOT = 'samples/pdf';
const GOLDEN = 'test/snapshots/pdf';
const update = process.env.UPDATE_GOLDEN === '1';

function pdfs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return pdfs(p);
    return e.name.endsWith('.pdf') ? [p] : [];
  });
}

const expectedPath = (file: string) => join(GOLDEN, `${basename(file, '.pdf')}.expected.json`);
// Scanned samples (samples/pdf/scan/, the OCR engineer's) take part once their expected file exists.
const samples = pdfs(ROOT).filter((f) => !relative(ROOT, f).startsWith('scan/') || existsSync(expectedPath(f)));

describe('golden: PDF tables', () => {
  it('refuses to regenerate on CI', () => {
    expect(update && process.env.CI === 'true').toBe(false);
  });

  it('has samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of samples) {
    it(`${relative(ROOT, file)}: every table, cell for cell`, { timeout: 600_000 }, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const ocr = relative(ROOT, file).startsWith('scan/');
      const source = { id: 'golden', url: `file:${file}`, fetchedAt: '2026-01-01T00:00:00Z', mediaType: 'application/pdf', size: bytes.length };
      const got = projectDocument(await extractPdf(bytes, { source, limits: { ...defaultLimits, ocr } }));
      const path = expectedPath(file);
      if (update) {
        if (process.env.CI === 'true') throw new Error('UPDATE_GOLDEN is not allowed on CI');
        writeFileSync(path, formatJson(got));
      }
      const want = JSON.parse(readFileSync(path, 'utf8')) as ExpectedDocument;
      expect(got.tables.map((t) => [t.id, t.nRows, t.nCols])).toEqual(want.tables.map((t) => [t.id, t.nRows, t.nCols]));
      for (const [k, t] of want.tables.entries()) expect(got.tables[k], t.id).toEqual(t);
      expect(got).toEqual(want);
    });
  }
});
