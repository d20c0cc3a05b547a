import type { Check } from '../../schemas/common.js';
import { squash } from '../recognise/amount/text.js';
import type { RecognisedRecord } from '../recognise/types.js';
import { placeOf } from './locate.js';
import { checkSentence } from './narrative.js';
import { familyOf, finding, isAmountTable, isEmpty } from './records.js';
import { fullSentences, printedLines } from './text.js';
import { indexEntry } from './toc.js';
import type { AuditContext, Finding, Rule } from './types.js';

/**
 * Completeness of what is printed inside the tables (docs/domain.md §5): a table published empty says why; a 决算's
 * 三公 table prints both its 预算数 and 决算数 lines; a figure the narrative states is not left blank in its table.
 */
export const emptyRules = {
  noFigures: {
    id: 'completeness.no_figures',
    severity: 'error',
    description: 'no table prints a single figure: a blank template or an unfinished draft',
  },
  emptyUnexplained: {
    id: 'completeness.empty_table_without_reason',
    severity: 'error',
    description: 'a table is published empty without saying why (本单位无政府性基金收支，故本表为空表)',
  },
  emptyElsewhere: {
    id: 'completeness.empty_table_reason_not_in_file',
    severity: 'warning',
    description: 'a tables-only file prints a table empty without its reason, which its narrative file may give',
  },
  emptyExplained: {
    id: 'completeness.empty_table_with_reason',
    severity: 'info',
    description: 'a table is published empty and says why',
  },
  blankRestated: {
    id: 'completeness.blank_cell_restated',
    severity: 'error',
    description: 'a table leaves a cell blank whose figure the narrative states (三公 预算数 blank, 说明 14.31万元)',
  },
  blankStage: {
    id: 'completeness.blank_stage_line',
    severity: 'warning',
    description: 'a 决算 三公 table prints its 预算数 or 决算数 line blank while the other line prints figures',
  },
} satisfies Record<string, Rule>;

const rules = emptyRules;

/** Words that say why a table is empty: 本单位无政府性基金收支, 故本表无数据, 本表为空表, 不涉及. */
const REASON =
  /(无|没有|未)[^。；;]{0,30}?(收入|支出|收支|安排|经费|数据|业务|拨款|项目)|空表|无数据|不涉及|(?:为|是)0(?:\.0+)?(?:万元|元)?(?![\d.])/;
/** What a family's reason names, where a sentence far from the table gives it. */
const SUBJECT: Record<string, RegExp> = {
  gov_fund: /政府性基金/,
  soe_capital: /国有资本/,
  three_public: /三公/,
  operating_costs: /机关运行/,
  procurement: /政府采购/,
};

function reasonFor(ctx: AuditContext, r: RecognisedRecord): string | undefined {
  const entry = indexEntry(ctx, familyOf(r));
  if (entry?.isEmpty && entry.reason) return entry.reason;
  const table = ctx.document.tables.find((t) => t.id === r.tableId);
  const pages = new Set(table?.pages ?? [r.provenance.page]);
  const near = [
    ...(table?.after ?? []),
    ...(table?.context ?? []),
    ...(table?.cells.map((c) => c.text) ?? []),
    ...printedLines(ctx.document)
      .filter((l) => pages.has(l.page))
      .map((l) => l.text),
  ];
  const own = near.find((t) => REASON.test(squash(t)));
  if (own) return own;
  const subject = SUBJECT[familyOf(r)];
  return subject && fullSentences(ctx.document).find((s) => subject.test(s.text) && REASON.test(s.text))?.text;
}

export function emptyFindings(ctx: AuditContext, tables: RecognisedRecord[]): Finding[] {
  const empty = tables.filter(isEmpty);
  if (empty.length === 0) return [];
  if (empty.length === tables.length)
    return [
      finding(
        rules.noFigures,
        `none of the ${tables.length} tables prints a figure`,
        placeOf(tables[0]!.provenance),
        null,
      ),
    ];
  // A tables-only file (Jiangsu's 公开表) leaves the words to its narrative file, published apart.
  const narrated = fullSentences(ctx.document).length >= 10;
  return empty.map((r) => {
    const reason = reasonFor(ctx, r);
    if (reason)
      return finding(
        rules.emptyExplained,
        `「${r.title}」 is empty: 「${squash(reason)}」`,
        placeOf(r.provenance),
        r.title,
      );
    return narrated
      ? finding(
          rules.emptyUnexplained,
          `「${r.title}」 is published empty and nothing says why`,
          placeOf(r.provenance),
          r.title,
        )
      : finding(
          rules.emptyElsewhere,
          `「${r.title}」 is published empty; this file has no narrative that says why`,
          placeOf(r.provenance),
          r.title,
        );
  });
}

/** Narrative checks by table family (src/recognise/narrative/table-figures.ts). */
const CHECKED_FAMILY: Array<[RegExp, string]> = [
  [/^narrative\.three_public/, 'three_public'],
  [/^narrative\.fiscal_/, 'fiscal_summary'],
  [/^narrative\.(total_|grand_)/, 'summary'],
  [/^narrative\.gpb_expenditure$/, 'gpb_functional'],
  [/^narrative\.procurement$/, 'procurement'],
  [/^narrative\.operating_costs$/, 'operating_costs'],
];

/** The blank cell a failed narrative check read: the 三公 row its label names ('三公 预算数 total'), else the table. */
function blankCell(ctx: AuditContext, c: Check): Pick<Finding, 'page' | 'bbox'> | undefined {
  const family = CHECKED_FAMILY.find(([re]) => re.test(c.rule))?.[1];
  const record = family && ctx.records.find((r) => familyOf(r) === family && isAmountTable(r));
  if (!record) return undefined;
  const label = checkSentence(c)?.label ?? '';
  const m = /^三公 (\S+) (\w+)$/.exec(label);
  const row = m ? record.rows.find((r) => r.name === m[1]) : undefined;
  return placeOf((m && row?.cells?.[m[2]!]) ?? row?.provenance ?? record.provenance);
}

export function blankRestated(ctx: AuditContext): Finding[] {
  const out: Finding[] = [];
  for (const c of ctx.checks) {
    if (c.ok || c.expected !== null || !c.rule.startsWith('narrative.') || !c.actual) continue;
    const at = blankCell(ctx, c);
    const said = checkSentence(c);
    if (at && said)
      out.push(
        finding(
          rules.blankRestated,
          `${said.label} is blank where the narrative states ${c.actual}: 「${said.sentence}」`,
          at,
          said.label,
          c.actual,
          null,
        ),
      );
  }
  return out;
}

/**
 * docs/domain.md §3.1 公开07表: rows 预算数 / 决算数, each printed (0 as 0, seed 001). Read on the printed cells, not the
 * record: a line printed blank is what the reader sees. Tables that print 预算数 / 决算数 as column heads
 * (Shanghai) have no such line and are not read here.
 */
export function blankStageLines(ctx: AuditContext, tables: RecognisedRecord[]): Finding[] {
  if (ctx.meta.kind !== 'final') return [];
  const out: Finding[] = [];
  for (const r of tables.filter((t) => familyOf(t) === 'three_public')) {
    const table = ctx.document.tables.find((t) => t.id === r.tableId);
    if (!table) continue;
    const lines = new Map<string, typeof table.cells>();
    for (const c of table.cells) {
      const label = table.cells.find((x) => x.row === c.row && x.col === 0);
      const stage = label && squash(label.text);
      if (c.col > 0 && (stage === '预算数' || stage === '决算数')) lines.set(stage, [...(lines.get(stage) ?? []), c]);
    }
    const printed = (cells: typeof table.cells) => cells.some((c) => c.text.trim() !== '');
    for (const [stage, cells] of lines) {
      const other = [...lines].find(([s]) => s !== stage);
      if (printed(cells) || !other || !printed(other[1])) continue;
      const label = table.cells.find((x) => x.row === cells[0]!.row && x.col === 0)!;
      out.push(
        finding(
          rules.blankStage,
          `the 三公 table's ${stage} line is printed blank while its ${other[0]} line prints figures`,
          placeOf(label.prov),
          stage,
        ),
      );
    }
  }
  return out;
}
