import type { RecognisedRecord } from '../recognise/types.js';
import { blankRestated, blankStageLines, emptyFindings, emptyRules } from './empty-tables.js';
import { placeOf } from './locate.js';
import { familyOf, finding, isAmountTable } from './records.js';
import { listedTables, printedElsewhere } from './toc.js';
import type { AuditContext, Finding, Rule, RuleFamily } from './types.js';

/**
 * Completeness (docs/domain.md §5): the tables the kind requires, in the order of the 目录; 目录 lines with no
 * table and tables the 目录 leaves out; empty tables with or without the reason they are empty (empty-tables.ts).
 */
const rules = {
  unreadable: {
    id: 'completeness.document_unreadable',
    severity: 'error',
    description: 'the document could not be read, so nothing in it could be checked',
  },
  listedMissing: {
    id: 'completeness.toc_entry_without_table',
    severity: 'error',
    description: 'the 目录 (or the empty-table index) lists a table the document does not print',
  },
  unlisted: {
    id: 'completeness.table_not_in_toc',
    severity: 'warning',
    description: 'a table is printed that the 目录 does not list',
  },
  order: {
    id: 'completeness.toc_order',
    severity: 'warning',
    description: 'the tables are printed in another order than the 目录 lists them',
  },
  required: {
    id: 'completeness.missing_table',
    severity: 'error',
    description: 'a table every 决算 / 预算 must publish is missing (收支总表 … 三公, 政府性基金)',
  },
} satisfies Record<string, Rule>;

/** docs/domain.md §3 and §5: the families every 决算 (9 公开表 or the region's 8) and every 预算 (8/9/12) share. */
const REQUIRED = [
  'summary',
  'income',
  'expenditure',
  'fiscal_summary',
  'gpb_functional',
  'gpb_basic_economic',
  'three_public',
  'gov_fund',
];
function listFindings(ctx: AuditContext, tables: RecognisedRecord[]): Finding[] {
  const listed = listedTables(ctx);
  if (listed.length < 3) return [];
  const out: Finding[] = [];
  const present = new Set<string>(tables.map(familyOf));
  const where = listed[0]!.source;
  for (const l of listed)
    if (!present.has(l.family) && !printedElsewhere(ctx, l))
      out.push(
        finding(
          rules.listedMissing,
          `the ${where} lists 「${l.title}」 but the document prints no such table`,
          l,
          l.title,
          l.title,
          null,
        ),
      );
  const families = new Set<string>(listed.map((l) => l.family));
  for (const r of tables)
    if (!families.has(familyOf(r)))
      out.push(
        finding(
          rules.unlisted,
          `「${r.title}」 is printed but the ${where} does not list it`,
          placeOf(r.provenance),
          r.title,
        ),
      );
  // Order: each listed family's first table, in print order, against the 目录's order.
  const rank = new Map<string, number>(listed.map((l, i) => [l.family, i] as const));
  let last = -1;
  for (const r of tables) {
    const i = rank.get(familyOf(r));
    if (i === undefined) continue;
    if (i < last) {
      out.push(
        finding(
          rules.order,
          `「${r.title}」 is printed after a table the ${where} lists after it`,
          placeOf(r.provenance),
          r.title,
          `#${i + 1} in the ${where}`,
          null,
        ),
      );
      break;
    }
    last = i;
  }
  return out;
}

function requiredFindings(ctx: AuditContext, tables: RecognisedRecord[]): Finding[] {
  const listed = new Set<string>(listedTables(ctx).map((l) => l.family));
  const present = new Set<string>(tables.map(familyOf));
  const kind = ctx.meta.kind === 'budget' ? '预算' : '决算';
  return REQUIRED.filter((f) => !present.has(f) && !listed.has(f)).map((f) =>
    finding(
      rules.required,
      `a ${kind} publishes a ${f} table; this one prints none`,
      { page: null, bbox: null },
      null,
      f,
      null,
    ),
  );
}

export const completeness: RuleFamily = {
  id: 'completeness',
  rules: [...Object.values(rules), ...Object.values(emptyRules)],
  run(ctx) {
    if (ctx.document.status === 'failed') {
      const why = ctx.document.issues.find((i) => i.severity === 'error')?.message ?? 'extraction failed';
      return [finding(rules.unreadable, `the document could not be read: ${why}`, { page: null, bbox: null }, null)];
    }
    const tables = ctx.records.filter(isAmountTable);
    // A narrative published as a file of its own (Jiangsu) has its tables in another file: cross-document rules.
    if (tables.length < 3) return blankRestated(ctx);
    return [
      ...listFindings(ctx, tables),
      ...requiredFindings(ctx, tables),
      ...emptyFindings(ctx, tables),
      ...blankStageLines(ctx, tables),
      ...blankRestated(ctx),
    ];
  },
};
