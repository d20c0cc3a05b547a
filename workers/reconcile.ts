import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { jobId, STAGES, type Stage } from '../src/pipeline/jobs.js';
import type { PipelineStage, RecordStore } from '../src/store/ports.js';

/**
 * The job that moves a pending document on from the stage the store says it reached. A document past extraction
 * is recognised again rather than stored: the store job carried its records, and a lost store job lost them.
 */
function resumeAt(stage: PipelineStage | null): Stage {
  return stage === 'extracted' || stage === 'recognising' || stage === 'storing' ? 'recognise' : 'extract';
}

/** Whether Redis holds a job of the document's run that has yet to end, at any stage. */
async function hasLiveJob(queues: Record<Stage, Queue>, data: { sourceId: string; runId: string }): Promise<boolean> {
  for (const stage of STAGES) {
    const job = await queues[stage].getJob(jobId(stage, data));
    if (!job) continue;
    const state = await job.getState();
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return true;
  }
  return false;
}

/** A run id for documents the store has none for (registered by a producer that never enqueued them). */
const ORPHAN_RUN = 'reconciled';

/**
 * Enqueues again every pending document whose stage has not moved for `staleSeconds` and whose job Redis no longer
 * holds (issue 16: after a Redis restart without persistence every queued job was gone and 18 of 40 documents stayed
 * pending until someone re-ran ingest). The job id is the one the lost job had, so a job Redis still holds (waiting,
 * active on a slow document, or stalled and about to be recovered by BullMQ) is never doubled, and several
 * reconcilers running at once add each job once. Returns the documents enqueued.
 */
export async function reconcile(
  records: RecordStore,
  queues: Record<Stage, Queue>,
  opts: { staleSeconds: number; ids?: string[]; log?: Logger },
): Promise<string[]> {
  const enqueued: string[] = [];
  const left = await records.unfinished({ staleSeconds: opts.staleSeconds, ...(opts.ids ? { ids: opts.ids } : {}) });
  for (const doc of left) {
    const data = { sourceId: doc.id, runId: doc.runId ?? ORPHAN_RUN };
    if (await hasLiveJob(queues, data)) continue;
    const stage = resumeAt(doc.stage);
    const id = jobId(stage, data);
    // A finished job of the same id whose document is still pending lost its successor: it is started anew.
    await (await queues[stage].getJob(id))?.remove().catch(() => undefined);
    await queues[stage].add(stage, data, { jobId: id });
    enqueued.push(doc.id);
  }
  if (enqueued.length) opts.log?.warn({ documents: enqueued.length }, 'reconciler enqueued unfinished documents again');
  return enqueued;
}
