import { readFileSync } from 'node:fs';
import { localSource, processDocument } from '../../src/pipeline/process-document.js';
import { loadGroundTruth, GROUND_TRUTH_DIR, type Skipped } from './ground-truth.js';
import { byTypeOf, scoreDocument, type DocumentResult } from './document.js';
import {
  addTally,
  addVerification,
  blankTally,
  noVerification,
  type SilentError,
  type Tally,
  type VerificationTotals,
} from './score.js';
import type { EvalRecord } from './types.js';

/** `npm run eval`: every ground-truth document through the pipeline, each GT value against the records. */

export type { DocumentResult } from './document.js';

export interface Summary {
  documents: DocumentResult[];
  skipped: Skipped[];
  byType: Map<string, Tally>;
  overall: Tally;
  verification: VerificationTotals;
  silent: SilentError[];
  /** GT values the record holds wrong although verification calls them verified. */
  wrongButVerified: number;
}

export async function evaluate(
  options: { only?: string; root?: string; log?: (s: string) => void } = {},
): Promise<Summary> {
  const log = options.log ?? ((s: string) => console.error(s));
  const { documents: gts, skipped } = loadGroundTruth(options.root ?? GROUND_TRUTH_DIR, options.only);
  const summary: Summary = {
    documents: [],
    skipped,
    byType: new Map(),
    overall: blankTally(),
    verification: noVerification(),
    silent: [],
    wrongButVerified: 0,
  };
  for (const s of skipped) log(`!! ${s.file}: ${s.reason}`);
  for (const gt of gts) {
    const started = performance.now();
    let doc: DocumentResult;
    let records: EvalRecord[] = [];
    try {
      const bytes = new Uint8Array(readFileSync(gt.path));
      const { recognised, status } = await processDocument(bytes, localSource(bytes, gt.path));
      records = recognised.records as unknown as EvalRecord[];
      doc = scoreDocument(gt, records, status);
      const reported = (recognised as { verification?: { verified: number; total: number; share?: number | null } })
        .verification;
      if (reported)
        doc.reported = { verified: reported.verified, total: reported.total, share: reported.share ?? null };
    } catch (err) {
      doc = scoreDocument(gt, [], 'failed');
      doc.error = (err as Error).message;
    }
    summary.documents.push(doc);
    byTypeOf(doc, records, summary.byType);
    addTally(summary.overall, doc.tally);
    addVerification(summary.verification, doc.tally.verification);
    summary.silent.push(...doc.silent);
    summary.wrongButVerified += doc.matches.filter((m) => m.found && !m.exact && m.state === 'verified').length;
    const t = doc.tally;
    log(
      `-- ${gt.file}: ${doc.status}, ${doc.records} records, ${t.exact}/${t.values} values exact, ${t.typed}/${t.tables} tables typed, ${doc.silent.length} silent (${((performance.now() - started) / 1000).toFixed(1)} s)${doc.error ? ` ERROR ${doc.error}` : ''}`,
    );
  }
  return summary;
}
