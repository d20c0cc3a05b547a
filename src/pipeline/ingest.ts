import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BlobStore, RecordStore, StoreSummary } from '../store/ports.js';
import type { JobFailure, QueueBackend } from './in-process.js';
import { registerFile } from './register-file.js';

/** Documentation beside samples (SOURCES.md) is not a disclosure; a file named explicitly is always taken. */
const SKIP_IN_DIRS = /(^|\/)(\.[^/]*|[^/]*\.md)$/i;

/** Files under the given paths, depth-first, in a stable order. */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string, explicit: boolean) => {
    const s = await stat(p);
    if (s.isDirectory()) {
      const entries = (await readdir(p)).sort();
      for (const e of entries) await walk(join(p, e), false);
    } else if (s.isFile() && (explicit || !SKIP_IN_DIRS.test(p))) {
      out.push(p);
    }
  };
  for (const p of paths) await walk(resolve(p), true);
  // A file named twice, or inside a folder also named, is one file.
  return [...new Set(out)];
}

export interface IngestReport {
  files: number;
  newDocuments: number;
  unchanged: number;
  processed: number;
  failures: JobFailure[];
  summary: StoreSummary;
  seconds: number;
}

/**
 * Ingests local files: bytes stored by sha256, a document registered once per content, and
 * the extract -> recognise -> store jobs run on the given queue. Re-ingesting unchanged files
 * does nothing (use `force` to re-run the pipeline on them).
 */
export async function ingestPaths(
  paths: string[],
  stores: { blobs: BlobStore; records: RecordStore },
  queue: QueueBackend,
  opts: { force?: boolean; runId?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<IngestReport> {
  const started = Date.now();
  const runId = opts.runId ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const files = await collectFiles(paths);
  const ids = new Set<string>();
  const queued = new Set<string>();
  let created = 0;
  let processed = 0;
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(file));
    const reg = await registerFile(
      { bytes, url: pathToFileURL(file).href, fileName: basename(file) },
      stores,
      opts.force,
    );
    ids.add(reg.source.id);
    if (reg.created) created++;
    // The same bytes under a second name are one document: processed once per ingest (issue 16).
    if (reg.needsProcessing && !queued.has(reg.source.id)) {
      processed++;
      queued.add(reg.source.id);
      await stores.records.markStage(reg.source.id, 'queued', runId);
      await queue.enqueue({ stage: 'extract', data: { sourceId: reg.source.id, runId } });
    }
  }
  const total = queued.size;
  let done = 0;
  opts.onProgress?.(0, total);
  const failures = await queue.drain((id) => {
    if (queued.delete(id)) opts.onProgress?.(++done, total);
  });
  return {
    files: files.length,
    newDocuments: created,
    unchanged: files.length - processed,
    processed,
    failures,
    summary: await stores.records.summary([...ids]),
    seconds: (Date.now() - started) / 1000,
  };
}
