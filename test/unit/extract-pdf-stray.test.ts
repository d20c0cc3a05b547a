import { describe, expect, it } from 'vitest';
import { baseNamed } from '../../scripts/hostile-corpus/bases.js';
import { DEFAULT_SEED } from '../../scripts/hostile-corpus/corpus.js';
import { zeroings } from '../../scripts/hostile-corpus/damage.js';
import { rngFor } from '../../scripts/hostile-corpus/recipe.js';
import { extractIsolated } from '../../src/extract/isolate.js';
import { defaultLimits } from '../../src/extract/types.js';
import { testSource } from '../helpers/sources.js';

/**
 * Issue 16: a PDF whose xref is damaged makes pdf.js 5.6 reject promises it read ahead and never awaits. In the
 * extraction's worker thread that was an uncaught exception and the document failed with Node's generic
 * "rejecting a promise which was not handled" text; it now ends with the pages that could be read and the cause.
 */
describe('pdf.js read-ahead rejections', () => {
  it('a damaged copy of a sample ends partial with its cause, in the isolated worker as the pipeline runs it', async () => {
    const recipe = zeroings(baseNamed('pdf-funing'))!.find((r) => r.path.endsWith('-tenth.pdf'))!;
    const bytes = await recipe.make(rngFor(DEFAULT_SEED, recipe.path));
    const doc = await extractIsolated(
      bytes,
      testSource(bytes, 'damaged.pdf'),
      'pdf',
      { ...defaultLimits, ocr: false },
      {
        timeoutMs: 60_000,
        maxHeapMb: 1024,
      },
    );
    const codes = doc.issues.map((i) => i.code);
    expect(codes).toContain('pdf.damaged_objects');
    expect(doc.issues.map((i) => i.message).join(' ')).not.toMatch(/not handled|unhandled/i);
    expect(doc.status).toBe('partial');
    expect(doc.pages.length).toBeGreaterThan(0);
  });
});
