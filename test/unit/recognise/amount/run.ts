import type { Page, Table } from '../../../../src/model/document.js';
import { finalRecognisers } from '../../../../src/recognise/final/index.js';
import { budgetRecognisers } from '../../../../src/recognise/budget/index.js';
import type { RecognisedRecord, Recogniser } from '../../../../src/recognise/types.js';
import { contextFor } from './fixture.js';

type Kind = 'final' | 'budget' | 'unknown';
const all = [...finalRecognisers, ...budgetRecognisers];

/** The highest-scoring amount recogniser for a table, as the registry picks it; undefined if none claims it. */
export function bestRecogniser(
  table: Table,
  kind: Kind = 'unknown',
  tables = [table],
  pages: Page[] = [],
): Recogniser | undefined {
  const ctx = contextFor(tables, kind, tables.indexOf(table), pages);
  const scored = all
    .map((r) => ({ r, s: r.score(table, ctx) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s);
  return scored[0]?.r;
}

/** Recognise, check and schema-parse one table the way the registry does. */
export function runBest(table: Table, kind: Kind = 'unknown', tables = [table], pages: Page[] = []) {
  const rec = bestRecogniser(table, kind, tables, pages);
  if (!rec) throw new Error(`no recogniser claims ${table.id}`);
  const ctx = contextFor(tables, kind, tables.indexOf(table), pages);
  const { record, issues } = rec.recognise(table, ctx);
  type Row = RecognisedRecord['rows'][number] & { side?: string; notes?: Record<string, string>; printedCode?: string };
  const full = { ...record, issues, checks: [], status: 'ok' } as unknown as Omit<RecognisedRecord, 'rows'> & {
    rows: Row[];
  };
  const checks = rec.checks(full as RecognisedRecord);
  const parsed = rec.schema.safeParse({ ...full, checks });
  return { rec, record: full, issues, checks, parsed };
}
