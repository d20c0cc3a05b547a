import type { ExtractedDocument, Issue } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { Check } from '../../../schemas/common.js';
import type { DocumentMeta, RecognisedRecord } from '../types.js';
import { narrativeSentences } from './sentences.js';
import { narrativeStatements, type Statement } from './statements.js';
import { tableFigure } from './table-figures.js';
import { ref, withInputs } from '../../validate/sum-check.js';
import { narrativeRecord } from './narrative-record.js';

/**
 * The narrative (第三部分 情况说明) against the tables (docs/domain.md §3.1: "总收入533.64万元": a
 * disagreement is worth reporting). Only sentences that state one of the headline totals directly
 * ('总收入533.64万元', '“三公”经费预算数为346.30万元', '政府采购预算总额1449.50万元') are compared, each with
 * the table figure its own subject names (政府采购 with the procurement table, never with total
 * spending); a figure whose subject no table prints stays unchecked, with no check. Nothing is guessed.
 */

/** docs/domain.md §2 尾差: 0.01 万元, or the precision the narrative prints where it converts (17,192万元 is ± 0.5 万元). */
const MIN_TOLERANCE_WAN = 0.01;
const TO_YUAN: Record<string, number> = { 万元: 10000, 元: 1 };

const round = (v: number) => Math.round(v * 1e6) / 1e6;

function rule(st: Statement): string {
  if (st.measure !== 'three_public') return `narrative.${st.measure}`;
  return st.column === 'total' ? 'narrative.three_public' : `narrative.three_public.${st.column}`;
}

export interface NarrativeResult {
  checks: Check[];
  issues: Issue[];
}

export function narrativeChecks(
  doc: ExtractedDocument,
  meta: DocumentMeta,
  records: RecognisedRecord[],
  /** The statements, when already read, and the narrative record's figure each one is (it covers that figure too). */
  read?: { statements: Statement[]; figureOf: Map<Statement, object> },
): NarrativeResult {
  const kinds: Array<'final' | 'budget'> = meta.kind === 'budget' ? ['budget', 'final'] : ['final', 'budget'];
  const checks: Check[] = [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  // The document's own tables: a 决算 document may also carry 自评 tables, never 预算 ones.
  const kind = kinds.find((k) => records.some((r) => r.kind === k)) ?? kinds[0]!;
  for (const st of read?.statements ?? narrativeStatements(narrativeSentences(doc), meta.year)) {
    const fig = tableFigure(records, kind, st);
    if (!fig || !(fig.unit in TO_YUAN)) continue;
    const scale = TO_YUAN[st.unit]! / TO_YUAN[fig.unit]!;
    const actual = round(st.value * scale);
    // A 元 table restated in whole 万元 (Shanghai: 171,915,169元 as 17,192万元) is exact to the printed digit
    // only; in the table's own unit the narrative drops trailing zeros ('22万元' for 22.00), so 尾差 applies.
    const printed = fig.unit === st.unit ? 0 : 0.5 * 10 ** -st.decimals * scale;
    const tolerance = round(Math.max(MIN_TOLERANCE_WAN * (TO_YUAN.万元! / TO_YUAN[fig.unit]!), printed));
    const key = `${rule(st)}|${st.stage ?? ''}|${actual}|${st.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A blank table cell prints nothing: the narrative's 0 agrees with it.
    const ok = Math.abs((fig.value ?? 0) - actual) <= tolerance + 1e-9;
    const description = `${fig.label} = 说明「${st.sentence}」`;
    // The check covers the table's figure, and the narrative record's figure where the document has that record.
    const own = read?.figureOf.get(st);
    checks.push(
      withInputs(
        { rule: rule(st), expected: fig.value, actual, ok, tolerance, description },
        [fig.operand, ...(own ? [ref(own, 'value')] : [])],
        0,
      ),
    );
    if (!ok)
      issues.push(
        issue(
          'warning',
          'narrative.disagrees',
          `narrative states ${st.value}${st.unit} where ${fig.label} prints ${fig.value ?? 'blank'}${fig.unit}: 「${st.sentence}」`,
          st.prov,
        ),
      );
  }
  return { checks, issues };
}

export interface NarrativeOfDocument extends NarrativeResult {
  /** The narrative record (schemas/narrative.ts), when the narrative states a figure. */
  records: RecognisedRecord[];
}

/** The narrative's checks against the tables and its figures as a record (narrative-record.ts), read once. */
export function narrativeOfDocument(
  doc: ExtractedDocument,
  meta: DocumentMeta,
  records: RecognisedRecord[],
): NarrativeOfDocument {
  const sentences = narrativeSentences(doc);
  const statements = narrativeStatements(sentences, meta.year);
  const { record, figureOf } = narrativeRecord(doc, meta, records, sentences, statements);
  const result = narrativeChecks(doc, meta, records, { statements, figureOf });
  return { ...result, records: record ? [record] : [] };
}
