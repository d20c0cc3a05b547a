import type { Check } from '../../schemas/common.js';
import type { Provenance } from '../model/document.js';
import type { RecognisedRecord } from '../recognise/types.js';
import { documentProvenanceAt, provenanceAt } from './covers.js';
import { placeOf } from './locate.js';
import type { Finding, Rule, RuleFamily } from './types.js';

/**
 * The identities of docs/domain.md §3, as recognition checked them: within each table (合计 = Σ 类, 三公小计 = 出国 +
 * 接待 + 用车 …) and across tables (01's 本年收入合计 = 02's 合计; 05's 基本支出 = 06's 合计 …). A difference within
 * 尾差 (one unit of the last printed digit per addend) is rounding, reported as info, never as an error.
 */
const rules = {
  across: {
    id: 'cross_table.identity_failed',
    severity: 'error',
    description:
      'two tables print different figures for one amount (01 本年收入合计 ≠ 02 合计, 05 基本支出 ≠ 06 合计 …)',
  },
  within: {
    id: 'cross_table.table_sum_failed',
    severity: 'error',
    description: "a table's total is not the sum of its parts (合计 ≠ Σ 类, 小计 ≠ Σ columns) beyond 尾差",
  },
  unread: {
    id: 'cross_table.table_sum_unread',
    severity: 'warning',
    description:
      "a table's sum fails where the table was not read completely: the reading's error or the print's, to look at",
  },
  rounding: {
    id: 'cross_table.rounding',
    severity: 'info',
    description: 'an identity holds only within 尾差: rounding of the printed digits, not an error',
  },
} satisfies Record<string, Rule>;

/**
 * Record-level issues that say the table was not read completely: a failed sum there may be the reading's, not the
 * print's (docs/architecture.md, Trust), so it is reported as a warning to look at, not as a publishing error.
 */
const MISREAD = /^(record\.printed_value_missing|amount\.values_unparsed|amount\.values_blank|amount\.ocr_|ocr\.)/;

/**
 * A sum check (src/validate/sum-check.ts) has the printed total as `expected` and the sum of the printed parts as
 * `actual`; a finding names what is printed (`actual`) and what the parts make it (`expected`). A cross-table check
 * compares two printed figures: the first table's is taken as the one expected.
 */
function finding(rule: Rule, check: Check, prov: Provenance | undefined, sum: boolean, extra = ''): Finding {
  const [printed, expected] = sum ? [check.expected, check.actual] : [check.actual, check.expected];
  const verdict = check.ok
    ? `holds within 尾差 (${printed} printed, ${expected} from the figures, tolerance ${check.tolerance})`
    : sum
      ? `fails: ${printed} printed, the parts add up to ${expected}`
      : `fails: ${expected} in one table, ${printed} in the other`;
  return {
    rule: rule.id,
    severity: rule.severity,
    message: `${check.description ?? check.rule} ${verdict}${extra}`,
    ...placeOf(prov),
    text: check.description ?? null,
    expected,
    actual: printed,
  };
}

function recordFindings(record: RecognisedRecord): Finding[] {
  const misread = record.issues.some((i) => i.severity === 'error' && MISREAD.test(i.code));
  const out: Finding[] = [];
  for (const c of record.checks) {
    if (c.ok && !c.rounding) continue;
    const prov = (c.covers?.[0] && provenanceAt(record, c.covers[0])) || record.provenance;
    if (c.ok) out.push(finding(rules.rounding, c, prov, true));
    else if (misread) out.push(finding(rules.unread, c, prov, true, `; ${record.tableType} was not read completely`));
    else out.push(finding(rules.within, c, prov, true));
  }
  return out;
}

export const crossTable: RuleFamily = {
  id: 'cross_table',
  rules: Object.values(rules),
  run(ctx) {
    const out = ctx.records.flatMap(recordFindings);
    for (const c of ctx.checks) {
      if (c.rule.startsWith('narrative.') || (c.ok && !c.rounding)) continue;
      const prov = c.covers?.[0] ? documentProvenanceAt(ctx.records, c.covers[0]) : undefined;
      out.push(finding(c.ok ? rules.rounding : rules.across, c, prov, false));
    }
    return out;
  },
};
