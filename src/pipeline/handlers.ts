import type { Logger } from 'pino';
import type { Issue } from '../model/document.js';
import { PermanentError } from '../model/errors.js';
import type { Format } from '../model/document.js';
import { extractIsolated, defaultIsolation, type IsolationLimits } from '../extract/isolate.js';
import type { ExtractLimits } from '../extract/types.js';
import { IsolatedFailure } from '../util/isolated-pool.js';
import { recogniseIsolated } from './process-document.js';
import type { RecognisedRecord } from '../recognise/types.js';
import type { Check } from '../../schemas/common.js';
import { storeFindings } from '../audit/stored.js';
import type { BlobStore, RecordStore } from '../store/ports.js';
import { jobSchemas, type JobData, type NextJob, type Stage } from './jobs.js';
import { documentStatus } from './document-status.js';

export { documentStatus };

export interface PipelineDeps {
  blobs: BlobStore;
  records: RecordStore;
  limits: ExtractLimits;
  log: Logger;
  /** Time and heap limits of the worker thread each extraction runs in. */
  isolation?: IsolationLimits;
}

export type Handler<S extends Stage> = (data: JobData<S>, deps: PipelineDeps) => Promise<NextJob[]>;

/** extract: stored bytes -> document model, kept with the document (a failed extraction ends here, recorded). */
const extract: Handler<'extract'> = async ({ sourceId, runId }, deps) => {
  const stored = await deps.records.getDocument(sourceId);
  if (!stored) throw new PermanentError('store.unknown_document', `no document ${sourceId}`);
  const bytes = await deps.blobs.get(sourceId);
  if (!bytes) throw new PermanentError('blob.missing', `no stored bytes for ${sourceId}`);
  await deps.records.markStage(sourceId, 'extracting', runId);
  const started = performance.now();
  const doc = await extractIsolated(
    bytes,
    stored.source,
    stored.format as Format,
    deps.limits,
    deps.isolation ?? defaultIsolation,
  );
  await deps.records.saveExtraction(sourceId, doc);
  // How long the extraction took, so that an operator (and the hostile corpus report) can see where a night went.
  const ms = Math.round(performance.now() - started);
  deps.log.info({ sourceId, format: doc.format, status: doc.status, tables: doc.tables.length, ms }, 'extracted');
  return doc.status === 'failed' ? [] : [{ stage: 'recognise', data: { sourceId, runId } }];
};

const recognise: Handler<'recognise'> = async ({ sourceId, runId }, deps) => {
  const stored = await deps.records.getDocument(sourceId, { withExtraction: true });
  if (!stored?.extracted) throw new PermanentError('store.no_extraction', `document ${sourceId} has no extraction`);
  await deps.records.markStage(sourceId, 'recognising', runId);
  const result = await recogniseIsolated(stored.extracted, deps.isolation).catch((err: unknown) => {
    // Past its limits a recognition fails the same way on every retry (issue 16: recognition had no limits at all).
    if (err instanceof IsolatedFailure)
      throw new PermanentError(`recognise.${err.reason}`, `recognition ${err.message}`);
    throw err;
  });
  const status = documentStatus(stored.extracted.status, result.records, result.checks, result.issues);
  const issues: Issue[] = [...stored.extracted.issues, ...result.issues];
  await deps.records.markStage(sourceId, 'storing', runId);
  return [
    { stage: 'store', data: { sourceId, runId, status, records: result.records, checks: result.checks, issues } },
  ];
};

const store: Handler<'store'> = async (data, deps) => {
  const { sourceId, status } = data;
  await deps.records.saveRecords(
    sourceId,
    data.records as RecognisedRecord[],
    data.checks as Check[],
    status,
    data.issues as unknown as Issue[],
  );
  await storeFindings(deps.records, sourceId);
  deps.log.info({ sourceId, status, records: data.records.length }, 'stored');
  return [];
};

export const handlers: { [S in Stage]: Handler<S> } = { extract, recognise, store };

/** Validates a job's data with its zod schema, then runs the stage's handler. */
export async function runStage(stage: Stage, data: unknown, deps: PipelineDeps): Promise<NextJob[]> {
  const parsed = jobSchemas[stage].safeParse(data);
  if (!parsed.success) throw new PermanentError('job.invalid_data', `${stage} job data: ${parsed.error.message}`);
  return (handlers[stage] as Handler<Stage>)(parsed.data as JobData<Stage>, deps);
}
