import { expect } from 'vitest';
import type { QueueBackend } from '../../src/pipeline/in-process.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import type { Stores } from '../../src/store/open.js';
import { inputFolder } from './pipeline.js';

/**
 * The same contract on every store and queue: a document ingested twice is stored once,
 * re-ingesting adds no records, a forced re-run replaces rather than duplicates, and a
 * broken file ends as a failed document with its reason.
 */
export async function checkIdempotentIngest(stores: Stores, queue: () => QueueBackend): Promise<void> {
  const dir = inputFolder();
  const first = await ingestPaths([dir], stores, queue());
  expect(first.files).toBe(3);
  expect(first.newDocuments).toBe(2);
  expect(first.summary.documents).toBe(2);
  expect(first.summary.tablesByType).toEqual({ 'perf.dept_target': 1 });
  expect(first.summary.failedDocuments).toEqual([
    expect.objectContaining({ reason: expect.stringContaining('content matches no supported format') }),
  ]);

  const second = await ingestPaths([dir], stores, queue());
  expect(second.newDocuments).toBe(0);
  expect(second.processed).toBe(0);
  expect(second.summary.records).toBe(1);

  const forced = await ingestPaths([dir], stores, queue(), { force: true });
  // Two documents: the copy of the HTML sample is the same bytes, run once.
  expect(forced.processed).toBe(2);
  expect(forced.summary.records).toBe(1);
  expect(forced.summary.documents).toBe(2);

  const ok = first.summary.byStatus.ok === 1 ? await findHtml(stores) : undefined;
  expect(ok?.urls).toHaveLength(2);
  expect(ok?.recordCount).toBe(1);
  // The document carries its trust counts, the sum over its records (docs/architecture.md, Trust).
  const [record] = ok ? await stores.records.listRecords(ok.id) : [];
  expect(ok?.verification).toMatchObject({
    total: record?.verification?.total,
    verified: record?.verification?.verified,
  });
  expect(ok?.verification?.total).toBeGreaterThan(0);
}

async function findHtml(stores: Stores) {
  const summary = await stores.records.summary();
  expect(summary.documents).toBe(2);
  const { createHash } = await import('node:crypto');
  const { readFileSync } = await import('node:fs');
  const id = createHash('sha256')
    .update(readFileSync('samples/html/hongjiang-2023-gov-office-dept-target.html'))
    .digest('hex');
  return stores.records.getDocument(id);
}
