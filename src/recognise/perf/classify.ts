import type { Table } from '../../model/document.js';
import { labelKey } from './text.js';

/**
 * A 绩效 form's title as a label key (`项目支出绩效自评表`, `财政项目支出绩效目标填报表`, `区级预算(项目)绩效目标自评表`,
 * `部门整体支出绩效自评表(2019年度)` without its year), or null when the text names no form.
 */
export function formTitleKey(text: string): string | null {
  const key = labelKey(text).replace(/[(（]\s*(19|20)\d{2}\s*年度?\s*[)）]$/, '');
  return key.length <= 40 && /绩效.{0,6}表$/.test(key) ? key : null;
}

/**
 * The title a form prints in its own first rows, when one of them names a 绩效 form. It decides the form's type
 * over any heading printed before the table (issue 11: `XX局2022年度部门整体绩效自评结果` above a
 * 项目支出绩效自评表).
 */
export function ownTitle(table: Table): string | null {
  const top = table.cells.filter((c) => c.row < 3).sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of top) {
    const key = formTitleKey(c.text);
    if (key) return key;
  }
  return null;
}

/**
 * The table's title area as one string: caption, context lines and the cells of its first rows; only the cells
 * when the table prints its own form title (ownTitle), so a heading above it cannot veto or claim it.
 */
export function titleText(table: Table): string {
  const top = table.cells.filter((c) => c.row < 3).map((c) => c.text);
  const parts = ownTitle(table) ? ['', ...top] : [table.caption ?? '', ...table.context, ...top];
  return parts.map(labelKey).join('|');
}

/** Label keys of every cell, for "does the form print this label" tests. */
export function labelSet(table: Table): string[] {
  return table.cells.map((c) => labelKey(c.text));
}

/** What a recogniser's score reads: the title area, the label keys, and "does any cell print this label". */
export function labelEvidence(table: Table): { title: string; labels: string[]; has: (re: RegExp) => boolean } {
  const labels = labelSet(table);
  return { title: titleText(table), labels, has: (re) => labels.some((l) => re.test(l)) };
}

/** Weighted evidence to a 0..1 score; 0 when a veto matches. */
export function scoreFrom(evidence: Array<[boolean, number]>, veto = false): number {
  if (veto) return 0;
  const s = evidence.reduce((sum, [hit, w]) => sum + (hit ? w : 0), 0);
  return Math.min(1, Math.round(s * 100) / 100);
}

/** The labels shared by every 绩效 indicator block (docs/domain.md §3.2–3.5). */
export function hasIndicatorHeader(labels: string[]): boolean {
  return ['一级指标', '二级指标', '三级指标'].every((h) => labels.includes(h));
}

/**
 * Rows up to and including the indicator header (一级指标 | 二级指标 | 三级指标): the head a form
 * printed in two parts repeats (continuation.ts). A table without that row is a form of its own
 * (绩申表-1..3 of seed 000 print none), never a continuation part: null.
 */
export function indicatorHeaderRows(table: Table): number | null {
  const byRow = new Map<number, string[]>();
  for (const c of table.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), labelKey(c.text)]);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const r = rows.find((row) => hasIndicatorHeader(byRow.get(row)!));
  return r === undefined ? null : r + 1;
}
