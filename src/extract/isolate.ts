import { Worker } from 'node:worker_threads';
import type { ExtractedDocument, Format, SourceRef } from '../model/document.js';
import { failedDocument } from '../model/build.js';
import { defaultLimits, type ExtractLimits } from './types.js';

export interface IsolationLimits {
  /** Wall-clock limit for one document; the worker thread is terminated when it passes. */
  timeoutMs: number;
  /** Heap limit of the worker thread, MB: a file that needs more fails alone. */
  maxHeapMb: number;
}

export const defaultIsolation: IsolationLimits = { timeoutMs: 30 * 60_000, maxHeapMb: 4096 };

/**
 * Extracts one document in its own worker thread, with a time and a heap limit. Parsers of
 * damaged input can spin (a PDF whose content stream was overwritten took pdf.js three minutes
 * in our robustness test) or allocate without bound; here either ends as a `failed` document
 * with a reason ('extract.timeout', 'extract.out_of_memory') and the process serving other
 * documents goes on.
 */
export function extractIsolated(
  bytes: Uint8Array,
  source: SourceRef,
  format: Format,
  limits: ExtractLimits = defaultLimits,
  isolation: IsolationLimits = defaultIsolation,
): Promise<ExtractedDocument> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./isolate-worker.mjs', import.meta.url), {
      workerData: { bytes, source, format, limits },
      resourceLimits: { maxOldGenerationSizeMb: isolation.maxHeapMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (doc: ExtractedDocument) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(doc);
    };
    const timer = setTimeout(
      () =>
        finish(
          failedDocument(
            source,
            format,
            'extract.timeout',
            `extraction took longer than ${isolation.timeoutMs / 1000} s and was stopped`,
          ),
        ),
      isolation.timeoutMs,
    );
    worker.once('message', (doc: ExtractedDocument) => finish(doc));
    worker.once('error', (err: Error & { code?: string }) => {
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(
        failedDocument(
          source,
          format,
          oom ? 'extract.out_of_memory' : `${format}.extract_failed`,
          oom
            ? `extraction needed more than ${isolation.maxHeapMb} MB and was stopped`
            : `${format} extraction failed: ${err.message}`,
        ),
      );
    });
    worker.once('exit', (code) => {
      if (!settled)
        finish(
          failedDocument(source, format, `${format}.extract_failed`, `extraction worker exited with code ${code}`),
        );
    });
  });
}
