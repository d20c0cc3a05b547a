import type { Check } from '../../schemas/common.js';
import type { RecognisedRecord } from '../recognise/types.js';
import { recordAt } from './covers.js';
import { AMOUNT, TO_YUAN } from './figures.js';
import type { TextLocator } from './locate.js';
import { arithmeticFindings, arithmeticRules } from './narrative-arithmetic.js';
import type { Finding, Rule, RuleFamily } from './types.js';

/**
 * Narrative against tables (docs/domain.md §5): the figures the 情况说明 restates are the document checks
 * recognition already made (src/recognise/narrative: each statement against the table figure its subject names,
 * within 尾差); this family reports them with the sentence's place, and adds what the narrative says about its own
 * figures (narrative-arithmetic.ts).
 */
export const restatedRules = {
  mismatch: {
    id: 'narrative.figure_mismatch',
    severity: 'error',
    description: 'a figure the narrative restates (总收入, 三公经费, 政府采购 …) differs from the table that prints it',
  },
  rounding: {
    id: 'narrative.figure_rounding',
    severity: 'info',
    description: 'a restated figure differs from the table only by 尾差 (rounding of the printed digits)',
  },
} satisfies Record<string, Rule>;

/** The sentence a narrative check was made on (src/recognise/narrative/index.ts: `<label> = 说明「<sentence>」`). */
export function checkSentence(check: Check): { label: string; sentence: string } | undefined {
  const m = /^(.*?) = 说明「([\s\S]*)」$/.exec(check.description ?? '');
  return m ? { label: m[1]!, sentence: m[2]! } : undefined;
}

/** The amount printed in the sentence that the check's `actual` (in the table's unit) was read from. */
function printedFigure(sentence: string, actual: number | null, tableUnit: string | null): string | undefined {
  if (actual === null) return undefined;
  for (const m of sentence.matchAll(new RegExp(AMOUNT, 'g'))) {
    const value = Number(m[1]!.replace(/,/g, ''));
    for (const unit of tableUnit ? [tableUnit] : Object.keys(TO_YUAN)) {
      const scaled = (value * TO_YUAN[m[2]!]!) / (TO_YUAN[unit] ?? 1);
      if (Math.abs(scaled - actual) < 1e-6) return m[0];
    }
  }
  return undefined;
}

/**
 * Findings for the narrative checks in `checks` made against `records` (this document's, or a peer's for the
 * cross-document rules): a failed one is `mismatch`, one that passed only within 尾差 is `rounding`.
 */
export function restatedFindings(
  checks: Check[],
  records: RecognisedRecord[],
  locate: TextLocator,
  ids: { mismatch: Rule; rounding: Rule },
  against = '',
): Finding[] {
  const out: Finding[] = [];
  for (const c of checks) {
    if (!c.rule.startsWith('narrative.') || (c.ok && !c.rounding)) continue;
    const said = checkSentence(c);
    if (!said) continue;
    const record = c.covers?.[0] ? recordAt(records, c.covers[0]) : undefined;
    const unit = record?.unit ?? records.find((r) => r.unit)?.unit ?? null;
    const printed = printedFigure(said.sentence, c.actual, unit);
    const at = locate.find(printed ?? said.sentence.slice(0, 12), { context: said.sentence });
    const rule = c.ok ? ids.rounding : ids.mismatch;
    const table = c.expected === null ? 'blank' : `${c.expected}${unit ?? ''}`;
    out.push({
      rule: rule.id,
      severity: rule.severity,
      message: `the narrative states ${printed ?? c.actual} where ${said.label}${against} prints ${table}${c.ok ? ` (within 尾差 ${c.tolerance})` : ''}`,
      page: at?.page ?? null,
      bbox: at?.bbox ?? null,
      text: said.sentence,
      expected: c.expected,
      actual: c.actual,
    });
  }
  return out;
}

export const narrative: RuleFamily = {
  id: 'narrative',
  rules: [...Object.values(restatedRules), ...Object.values(arithmeticRules)],
  run(ctx) {
    return [...restatedFindings(ctx.checks, ctx.records, ctx.locate, restatedRules), ...arithmeticFindings(ctx)];
  },
};
