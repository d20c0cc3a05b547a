import type { ExtractedDocument, Issue, Table } from '../model/document.js';
import { issue } from '../model/build.js';
import type { Check, Verification } from '../../schemas/common.js';
import { documentVerification } from '../validate/verification.js';
import { completenessOfDocument, documentChecksCover } from './document-trust.js';
import { validateRecord } from '../validate/validate-record.js';
import { printedNumbersMissing } from '../validate/printed-numbers.js';
import { documentMeta } from './meta/document-meta.js';
import { baseFields } from './record.js';
import { findTitle } from './amount/title.js';
import { unknownRecordSchema } from '../../schemas/unknown.js';
import { budgetRecognisers } from './budget/index.js';
import { amountCrossTableChecks } from './cross-table.js';
import { joinContinuations } from './continuation.js';
import { narrativeOfDocument } from './narrative/index.js';
import { finalRecognisers } from './final/index.js';
import { perfRecognisers } from './perf/index.js';
import { splitFormTables } from './perf/split.js';
import type { CrossTableCheck, RecognisedRecord, Recogniser, RecogniseContext } from './types.js';
import { normalise, parseAmount } from './values.js';

/** Below this score a table is not claimed and is kept as `unknown`. */
const MIN_SCORE = 0.3;

export const recognisers: Recogniser[] = [...finalRecognisers, ...budgetRecognisers, ...perfRecognisers];
export const crossTableChecks: CrossTableCheck[] = [...amountCrossTableChecks];

export interface RecognisedDocument {
  records: RecognisedRecord[];
  /** Identities across tables (01 vs 02/03, 05 vs 06) and the narrative's totals against the tables. */
  checks: Check[];
  issues: Issue[];
  /** Sum of the records' verification counts, after the document checks were applied to them. */
  verification: Verification;
}

function best(table: Table, ctx: RecogniseContext): Recogniser | undefined {
  let top: { r: Recogniser; s: number } | undefined;
  for (const r of recognisers) {
    const s = r.score(table, ctx);
    if (s >= MIN_SCORE && (!top || s > top.s)) top = { r, s };
  }
  return top?.r;
}

/**
 * An unclaimed table that prints amounts lost them to every schema and export: an error, so the record is never
 * `ok` (issue 9). One of text only (a 目录, a 说明 sheet, a list of units) is kept with a warning.
 */
function unclaimed(table: Table, title: string): Issue {
  const amounts = table.cells.filter((c) => /[.,]\d/.test(c.text) && parseAmount(c.text).kind === 'number').length;
  const what = `no recogniser claims table ${table.id}${title ? ` (${title})` : ''}`;
  return amounts >= 3
    ? issue(
        'error',
        'recognise.unclaimed_amounts',
        `${what}: its ${amounts} printed amounts reach no schema`,
        table.prov,
      )
    : issue('warning', 'recognise.unclaimed', what, table.prov);
}

/** A table no recogniser claims is kept with its cells and an issue, never dropped (docs/architecture.md). */
function unknownRecord(table: Table, ctx: RecogniseContext): RecognisedRecord {
  // The title printed above the table, else its caption or the nearest line above: never a header cell (issue 11).
  const title = normalise(findTitle(table.context).title || table.caption || table.context.at(-1) || '');
  const record = {
    ...baseFields(table, ctx, 'unknown', title, null),
    tableId: table.id,
    cells: table.cells,
    issues: [unclaimed(table, title)],
  };
  return validateRecord({ tableType: 'unknown', schema: unknownRecordSchema, checks: () => [] }, record);
}

/** Types every table of a document, maps it to its schema and checks it. */
export function recogniseDocument(printed: ExtractedDocument): RecognisedDocument {
  // Several 绩效 forms read as one table are one record each (issue 11, perf/split.ts).
  const split = splitFormTables(printed.tables);
  const doc = split.length === printed.tables.length ? printed : { ...printed, tables: split };
  const meta = documentMeta(doc);
  const records: RecognisedRecord[] = [];
  const issues: Issue[] = [];
  // A table printed in parts becomes one table first (docs/domain.md §2, seed 001 公开04表).
  const firstPass = new Map<Table, Recogniser | undefined>();
  const pick = (t: Table, i: number) => {
    if (!firstPass.has(t)) firstPass.set(t, best(t, { doc, meta, tableIndex: i }));
    return firstPass.get(t);
  };
  const parts = joinContinuations(doc.tables, pick, (i) => ({ doc, meta, tableIndex: i }));
  const joined = parts.length === doc.tables.length ? doc : { ...doc, tables: parts.map((p) => p.table) };
  joined.tables.forEach((table, tableIndex) => {
    const ctx: RecogniseContext = { doc: joined, meta, tableIndex };
    // Scores depend on the neighbouring tables, so they are taken again only where a join changed them.
    const recogniser = joined === doc && firstPass.has(table) ? firstPass.get(table) : best(table, ctx);
    if (!recogniser) {
      records.push(unknownRecord(table, ctx));
      return;
    }
    try {
      const { record, issues: found } = recogniser.recognise(table, ctx);
      const recordIssues: Issue[] = Array.isArray(record.issues) ? record.issues : [];
      const draft = {
        ...baseFields(table, ctx, recogniser.tableType, '', null),
        ...record,
        tableId: table.id,
        // A repaired document-level name travels with the records that carry it.
        issues: [
          ...recordIssues,
          ...found,
          ...(record.department === meta.department ? (meta.issues ?? []) : []),
          ...(parts[tableIndex]?.issues ?? []),
        ],
      };
      const lost = printedNumbersMissing(table, draft);
      if (lost.length > 0)
        draft.issues.push(
          issue(
            'error',
            'record.printed_value_missing',
            `${lost.length} number${lost.length === 1 ? '' : 's'} the table prints did not reach the record: ${lost
              .slice(0, 5)
              .map((c) => normalise(c.text))
              .join(', ')}${lost.length > 5 ? ' …' : ''}`,
            lost[0]!.prov,
          ),
        );
      records.push(validateRecord(recogniser, draft));
    } catch (err) {
      issues.push(
        issue(
          'error',
          'recognise.failed',
          `${recogniser.tableType} on table ${table.id}: ${(err as Error).message}`,
          table.prov,
        ),
      );
      records.push(unknownRecord(table, ctx));
    }
  });
  const checks = crossTableChecks.flatMap((c) => c(records));
  for (const c of checks) {
    if (!c.ok)
      issues.push(
        issue('warning', 'validate.cross_table_failed', `${c.rule}: expected ${c.expected}, got ${c.actual}`),
      );
  }
  // The narrative's restated totals against the tables (docs/domain.md §3.1), and its figures as a record of their
  // own (issue 15); a document of narrative only still yields no table, so completeness reads the tables alone.
  const narrative = narrativeOfDocument(doc, meta, records);
  const documentChecks = [...checks, ...narrative.checks];
  documentChecksCover([...records, ...narrative.records], documentChecks);
  issues.push(...completenessOfDocument(doc, records, documentChecks));
  records.push(...narrative.records);
  // Facts about the document as a whole (a file Title that disagrees with the page) belong to it too, so a
  // document without a table still shows them.
  for (const i of meta.issues ?? []) if (!issues.includes(i)) issues.push(i);
  return {
    records,
    checks: documentChecks,
    issues: [...issues, ...narrative.issues],
    verification: documentVerification(records),
  };
}
