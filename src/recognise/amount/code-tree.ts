import type { Check, LineRow } from '../../../schemas/common.js';
import { cellRef, defined, sumCheck } from '../../validate/sum-check.js';

/**
 * 类 / 款 / 项 from code length (docs/domain.md §3.1): functional codes 3 / 5 / 7 digits (201, 20101,
 * 2010101), economic codes 3 / 5 (301, 30101). Other lengths get no level.
 */
export function levelOfCode(code: string): 1 | 2 | 3 | undefined {
  switch (code.length) {
    case 3:
      return 1;
    case 5:
      return 2;
    case 7:
      return 3;
    default:
      return undefined;
  }
}

const TOTAL_NAME = /^(合计|总计|.*经费合计|本年支出合计|本年收入合计)$/;

export function isTotalRow(row: LineRow): boolean {
  return !row.code && TOTAL_NAME.test(row.name.replace(/\s+/g, ''));
}

/**
 * The level each line stands at in print. A coded line has the level of its code; a line printed
 * without a code (抚恤金 without 30304, seed 001 公开06表) stands where it is printed: beside the
 * coded line before it, or under it when that line is its parent.
 */
export function printedLevels(rows: LineRow[]): Array<number | undefined> {
  const levels: Array<number | undefined> = [];
  let prev: number | undefined;
  let prevHasChildren = false;
  rows.forEach((r, i) => {
    if (r.level) {
      levels.push(r.level);
      prev = r.level;
      // Codeless lines right after a parent sit under it when the next coded line does.
      const nextCoded = rows.slice(i + 1).find((x) => x.level);
      prevHasChildren = (nextCoded?.level ?? 0) > r.level;
    } else if (isTotalRow(r) || prev === undefined || /^[…．.。]+$/.test(r.name)) {
      levels.push(undefined);
      if (isTotalRow(r)) prev = undefined;
    } else {
      const level = prevHasChildren ? prev + 1 : prev;
      levels.push(level);
      prev = level;
      prevHasChildren = false;
    }
  });
  return levels;
}

/**
 * Parent = Σ children for every line that has children (类 = Σ 款, 款 = Σ 项), per column. Children
 * are the lines printed under the parent, one level down, up to the next line of the parent's level:
 * the printed arithmetic holds even where a code is wrong (30311 for 住房公积金 under 301, seed 001).
 */
export function treeChecks(rule: string, rows: LineRow[], keys: string[]): Check[] {
  const levels = printedLevels(rows);
  const checks: Array<Check | undefined> = [];
  rows.forEach((parent, i) => {
    const level = levels[i];
    if (!parent.code || !level) return;
    const children: LineRow[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const l = levels[j];
      if (l === undefined || l <= level) break;
      if (l === level + 1) children.push(rows[j]!);
    }
    if (children.length === 0) return;
    for (const key of keys) {
      if (!(key in parent.values)) continue;
      checks.push(
        sumCheck(
          rule,
          cellRef(parent, key),
          // Blank children under a printed parent are 0: the parent cannot be covered by nothing.
          children.map((c) => cellRef(c, key) ?? 0),
          `${parent.code} ${parent.name}: ${key} = Σ ${children.map((c) => c.code ?? c.name).join(' + ')}`,
        ),
      );
    }
  });
  return defined(checks);
}

/** Lines whose code does not extend the code of the line they are printed under (30311 under 301). */
export function misplacedCodes(rows: LineRow[]): LineRow[] {
  const levels = printedLevels(rows);
  const out: LineRow[] = [];
  const stack: LineRow[] = [];
  rows.forEach((r, i) => {
    const level = levels[i];
    if (!level) return;
    stack.length = Math.min(stack.length, level - 1);
    const parent = stack[level - 2];
    if (r.code && parent?.code && !r.code.startsWith(parent.code)) out.push(r);
    stack[level - 1] = r;
  });
  return out;
}

/**
 * 合计 = Σ 类 lines. Side-by-side halves are read one after the other, so the Shanghai 基本支出
 * table's 人员经费合计 / 公用经费合计 each close their own half.
 */
export function totalChecks(rule: string, rows: LineRow[], keys: string[]): Check[] {
  const checks: Array<Check | undefined> = [];
  const totalAt = rows.map((r, i) => (isTotalRow(r) ? i : -1)).filter((i) => i >= 0);
  totalAt.forEach((at, n) => {
    const total = rows[at]!;
    // The 类 lines a total closes: those since the previous total, or (合计 printed first) those after it.
    let tops = rows.slice(n === 0 ? 0 : totalAt[n - 1]! + 1, at).filter((r) => r.level === 1);
    if (tops.length === 0) tops = rows.slice(at + 1, totalAt[n + 1] ?? rows.length).filter((r) => r.level === 1);
    if (tops.length === 0) return;
    for (const key of keys) {
      if (!(key in total.values)) continue;
      checks.push(
        sumCheck(rule, cellRef(total, key), tops.map((t) => cellRef(t, key)), `${total.name}: ${key} = Σ 类 ${tops.map((t) => t.code).join(' + ')}`),
      );
    }
  });
  return defined(checks);
}

/** A row identity such as 合计 = 基本支出 + 项目支出, over the columns the table prints. */
export interface RowIdentity {
  /** Rule suffix: 'row_total' gives 'final.expenditure.row_total'. */
  name: string;
  total: string;
  parts: string[];
}

export function rowIdentityChecks(prefix: string, rows: LineRow[], identities: RowIdentity[]): Check[] {
  const checks: Array<Check | undefined> = [];
  for (const id of identities) {
    for (const row of rows) {
      if (!(id.total in row.values)) continue;
      const parts = id.parts.filter((p) => p in row.values);
      if (parts.length < 2) continue;
      checks.push(
        sumCheck(
          `${prefix}.${id.name}`,
          cellRef(row, id.total),
          parts.map((p) => cellRef(row, p)),
          `${row.code ? row.code + ' ' : ''}${row.name}: ${id.total} = ${parts.join(' + ')}`,
        ),
      );
    }
  }
  return defined(checks);
}
