import type { Check, LineRow } from '../../../schemas/common.js';
import type { SummarySide } from '../../../schemas/final-budget-amount.js';
import type { BodyRow, Segment } from './line-rows.js';
import {
  TAIL_TOLERANCE_PER_ADDEND,
  type Operand,
  cellRef,
  defined,
  equalCheck,
  sumCheck,
} from '../../validate/sum-check.js';
import { ordinalPrefix, squash } from './text.js';

export type SummaryRow = LineRow & { side: SummarySide };

/** The side a segment of a 收入支出总表 prints, from the header above its 项目 column, else its order. */
export function sideOf(segment: Segment, index: number): SummarySide {
  if (/用途/.test(segment.group)) return 'expenditure_by_purpose';
  if (/支出/.test(segment.group)) return 'expenditure';
  if (/收入/.test(segment.group)) return 'income';
  return index === 0 ? 'income' : 'expenditure';
}

export function toSummaryRows(rows: BodyRow[], segments: Segment[]): Array<BodyRow & { side: SummarySide }> {
  // A total label merged across two sides (Jiangsu 当年支出小计 over 功能分类 and 支出用途) is printed
  // once with one amount at the end of the merge: both sides carry it.
  for (const row of rows) {
    if (Object.values(row.values).some((v) => v !== null)) continue;
    const shared = rows.find(
      (o) => o !== row && o.gridRow === row.gridRow && o.provenance === row.provenance && o.segment > row.segment,
    );
    if (shared) {
      row.values = { ...row.values, ...shared.values };
      row.cells = { ...shared.cells };
    }
  }
  return rows
    .filter((r) => r.name !== '' || Object.values(r.values).some((v) => v !== null))
    .map((r) => ({ ...r, side: sideOf(segments[r.segment]!, r.segment) }));
}

const YEAR_TOTAL = /^(本年|当年)(收入|支出)(合计|小计)$/;
const GRAND_TOTAL = /(总计|^(收入|支出)合计)$/;

interface SideTotals {
  key: string;
  items: SummaryRow[];
  yearTotal?: SummaryRow;
  grandTotal?: SummaryRow;
  between: SummaryRow[];
}

function sideTotals(rows: SummaryRow[]): SideTotals {
  const key = rows.some((r) => 'amount' in r.values) ? 'amount' : 'total';
  const names = rows.map((r) => squash(r.name));
  const yearAt = names.findIndex((n) => YEAR_TOTAL.test(n));
  const grandAt = names.findIndex((n, i) => i !== yearAt && GRAND_TOTAL.test(n));
  const firstTotal = [yearAt, grandAt].filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? rows.length;
  // '其中：' lines restate a part of the line above; they are no addends.
  const lines = rows.slice(0, firstTotal).filter((r) => !/^其中/.test(squash(r.name)));
  // Top-level lines only when the table numbers them 一、二、 with 1. 2. sub-lines (Jiangsu, Shanghai budget).
  const tops = lines.filter((r) => ordinalPrefix(squash(r.name)) === 'top');
  const items = tops.length > 0 ? tops : lines;
  const between =
    yearAt >= 0 && grandAt > yearAt
      ? rows.slice(yearAt + 1, grandAt).filter((r) => ordinalPrefix(squash(r.name)) === null)
      : [];
  const out: SideTotals = { key, items, between };
  if (yearAt >= 0) out.yearTotal = rows[yearAt]!;
  if (grandAt >= 0) out.grandTotal = rows[grandAt]!;
  return out;
}

/**
 * Identities of a 收入支出总表 (docs/domain.md §3.1, 公开01表 / 04表): 本年收入合计 = Σ income lines,
 * 收入总计 = 本年收入合计 + 结转 lines, the same for each expenditure side, 收入总计 = 支出总计.
 */
export function summaryChecks(prefix: string, rows: SummaryRow[]): Check[] {
  const checks: Array<Check | undefined> = [];
  const sides = [...new Set(rows.map((r) => r.side))];
  const grand: Partial<Record<SummarySide, Operand>> = {};
  for (const side of sides) {
    const t = sideTotals(rows.filter((r) => r.side === side));
    const head = t.yearTotal ?? t.grandTotal;
    if (!head) continue;
    checks.push(
      sumCheck(
        `${prefix}.${side}_lines`,
        cellRef(head, t.key),
        t.items.map((r) => cellRef(r, t.key)),
        `${head.name} = Σ ${t.items.map((r) => r.name).join(' + ')}`,
      ),
    );
    if (t.yearTotal && t.grandTotal) {
      checks.push(
        sumCheck(
          `${prefix}.${side}_grand`,
          cellRef(t.grandTotal, t.key),
          [t.yearTotal, ...t.between].map((r) => cellRef(r, t.key)),
          `${t.grandTotal.name} = ${[t.yearTotal, ...t.between].map((r) => r.name).join(' + ')}`,
        ),
      );
    }
    grand[side] = cellRef((t.grandTotal ?? t.yearTotal)!, t.key) ?? null;
  }
  for (const side of ['expenditure', 'expenditure_by_purpose'] as const) {
    if (grand.income === undefined || grand[side] === undefined) continue;
    const label = side === 'expenditure' ? '支出总计' : '支出总计 (支出用途)';
    checks.push(
      equalCheck(`${prefix}.balance`, grand.income, grand[side], TAIL_TOLERANCE_PER_ADDEND, `收入总计 = ${label}`),
    );
  }
  return defined(checks);
}
