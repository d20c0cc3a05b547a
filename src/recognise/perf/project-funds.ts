import type { Cell } from '../../model/document.js';
import { amountValue, normalise } from '../values.js';
import { type FormView, printedLabel } from './form.js';
import { labelKey } from './text.js';

/**
 * The 项目资金（元） block of Shanghai's 财政项目支出绩效目标填报表 (docs/domain.md §3.6), printed in two halves:
 * left 项目资金总额 / 其中：财政资金 / 其他资金 (over the project's life), right 年度资金申请总额 / 其中：当年财政拨款 /
 * 上年结转资金 / 其他资金 (the year's request). Each amount keeps the label it is printed beside.
 */

export type AmountHit = { label: string; value: number | null; provenance: Cell['prov'] };

/** The amount printed right of a label cell, on its row, unless the next printed cell is another label (`labels`). */
function amountRight(view: FormView, label: Cell, labels: RegExp): AmountHit {
  const next = view.filledRightOf(label).find((c) => c.row <= label.row && c.row + c.rowSpan > label.row);
  const value = next && !labels.test(labelKey(next.text)) ? next : undefined;
  return {
    label: printedLabel(label),
    value: value ? amountValue(value.text) : null,
    provenance: (value ?? label).prov,
  };
}

/** Shanghai's 项目资金（元） block (docs/domain.md §3.6): left half over the project's life, right half the year's. */
export const PROJECT_FUNDS = {
  total: /^项目资金总额$/,
  fiscal: /^(其中[:：])?财政资金$/,
  other: /^其他资金$/,
} as const;
export const ANNUAL_FUNDS = {
  total: /^年度资金申请总额$/,
  appropriation: /^(其中[:：])?当年财政拨款$/,
  carryover: /^上年结转资金$/,
  other: /^其他资金$/,
} as const;

/**
 * One half of the block: its labels are the cells in the column of its head (项目资金总额 / 年度资金申请总额), from
 * the head down to the other head where both share a column, so that the two 其他资金 are told apart by position.
 */
export function fundsHalf<K extends string>(
  view: FormView,
  specs: Record<K, RegExp>,
  other: RegExp,
  end: number,
  labels: RegExp,
): Record<K, AmountHit | null> | null {
  const head = view.find(Object.values<RegExp>(specs)[0]!, 0, end);
  if (!head) return null;
  const next = view.find(other, head.row + 1, end);
  const stop = next && next.col === head.col ? next.row : end;
  const column = view.cells.filter((c) => c.col === head.col && c.row >= head.row && c.row < stop);
  const out = {} as Record<K, AmountHit | null>;
  for (const key of Object.keys(specs) as K[]) {
    const label = column.find((c) => specs[key].test(labelKey(c.text)));
    out[key] = label ? amountRight(view, label, labels) : null;
  }
  return out;
}

/** Decimals printed in the block's amounts (2 for `3,268,540.00`, 0 for whole 元): the unit of 尾差. */
export function decimalsOf(view: FormView, hits: Array<AmountHit | null>): number | undefined {
  const printed = hits
    .filter((h): h is AmountHit => h !== null && h.value !== null)
    .map((h) => view.cells.find((c) => c.prov === h.provenance))
    .filter((c): c is Cell => c !== undefined)
    .map((c) => (/\.(\d+)\s*$/.exec(normalise(c.text))?.[1] ?? '').length);
  return printed.length ? Math.max(...printed) : undefined;
}
