import { z } from 'zod';

/** Pipeline stages after a file's bytes are stored (issue 6 adds crawl and fetch before them). */
export const STAGES = ['extract', 'recognise', 'store'] as const;
export type Stage = (typeof STAGES)[number];

const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const extractJobSchema = z.object({ sourceId: sha, runId: z.string() });
export const recogniseJobSchema = z.object({ sourceId: sha, runId: z.string() });
/** The store job carries the validated records, so a retried store writes exactly them again. */
export const storeJobSchema = z.object({
  sourceId: sha,
  runId: z.string(),
  status: z.enum(['ok', 'partial', 'failed']),
  records: z.array(z.record(z.string(), z.unknown())),
  checks: z.array(z.record(z.string(), z.unknown())),
  issues: z.array(z.record(z.string(), z.unknown())),
});

export const jobSchemas = { extract: extractJobSchema, recognise: recogniseJobSchema, store: storeJobSchema } as const;
export type JobData<S extends Stage> = z.infer<(typeof jobSchemas)[S]>;

export interface NextJob<S extends Stage = Stage> {
  stage: S;
  data: JobData<S>;
}

/** Job ids make retries idempotent: one job per stage, document and run. */
export function jobId(stage: Stage, data: { sourceId: string; runId: string }): string {
  return `${stage}-${data.sourceId}-${data.runId}`;
}
