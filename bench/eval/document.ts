import { matchDocument } from './match.js';
import {
  addVerification,
  blankTally,
  silentErrors,
  typeTables,
  typedWithoutTable,
  verificationOf,
  type SilentError,
  type TableTyping,
  type Tally,
} from './score.js';
import type { EvalRecord, GtDocument, Match } from './types.js';

/** One document's records against its ground truth: pure, no pipeline run (test/unit/eval-match.test.ts uses it). */

/**
 * Records that are no printed table: the document summary `extract` prints, and the narrative's figures (issue 15,
 * schemas/narrative.ts), which ground truth does not type (test/ground-truth/README.md: narrative figures are outside
 * its format). Scoring them would count them as typed where no table is printed.
 */
const NOT_TABLES = new Set(['document', 'narrative']);

export interface DocumentResult {
  file: string;
  document: string;
  status: string;
  records: number;
  tally: Tally;
  matches: Match[];
  typing: TableTyping[];
  /** Records typed as a table where ground truth prints none. */
  extraTyped: EvalRecord[];
  silent: SilentError[];
  /** Document totals as the pipeline reports them (`recognised.verification`), when it does. */
  reported?: { verified: number; total: number; share?: number | null };
  error?: string;
}

/** Scores one document: matches, tables typed, verification of every record, silent errors. */
export function scoreDocument(gt: GtDocument, records: EvalRecord[], status: string): DocumentResult {
  const own = records.filter((r) => !NOT_TABLES.has(r.tableType));
  const matches = matchDocument(gt.values, own);
  const typing = typeTables(gt.tables, own);
  const tally = blankTally();
  tally.values = matches.length;
  tally.found = matches.filter((m) => m.found).length;
  tally.exact = matches.filter((m) => m.exact).length;
  tally.tables = typing.length;
  tally.typed = typing.filter((t) => t.typed).length;
  for (const r of own) addVerification(tally.verification, verificationOf(r));
  const silent = silentErrors(gt.document, status, matches, typing);
  const extraTyped = typedWithoutTable(gt.tables, own);
  return {
    file: gt.file,
    document: gt.document,
    status,
    records: own.length,
    tally,
    matches,
    typing,
    extraTyped,
    silent,
  };
}

/** Per table type of the ground truth; verification per type from the records of that type. */
export function byTypeOf(doc: DocumentResult, records: EvalRecord[], into: Map<string, Tally>): void {
  const get = (t: string) => into.get(t) ?? into.set(t, blankTally()).get(t)!;
  for (const m of doc.matches) {
    const t = get(m.gt.tableType);
    t.values++;
    if (m.found) t.found++;
    if (m.exact) t.exact++;
  }
  for (const x of doc.typing) {
    const t = get(x.table.tableType);
    t.tables++;
    if (x.typed) t.typed++;
  }
  for (const r of records)
    if (!NOT_TABLES.has(r.tableType)) addVerification(get(r.tableType).verification, verificationOf(r));
}
