import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractIsolated } from '../../../src/extract/isolate.js';
import { extractDocument } from '../../../src/extract/registry.js';
import { defaultLimits } from '../../../src/extract/types.js';
import { HTML_SAMPLE } from '../../helpers/pipeline.js';
import { testSource } from '../../helpers/sources.js';

const bytes = new Uint8Array(readFileSync(HTML_SAMPLE));
const source = testSource(bytes, 'a.html', 'text/html');
const limits = { ...defaultLimits, ocr: false };

describe('isolated extraction (worker thread with time and heap limits)', () => {
  it('gives the same document as extracting in-process', async () => {
    const isolated = await extractIsolated(bytes, source, 'html', limits);
    expect(isolated).toEqual(await extractDocument(bytes, source, 'html', limits));
  });

  it('stops a document that passes the time limit and reports it failed with the reason', async () => {
    const doc = await extractIsolated(bytes, source, 'html', limits, { timeoutMs: 1, maxHeapMb: 512 });
    expect(doc.status).toBe('failed');
    expect(doc.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'extract.timeout' })]);
  });
});
