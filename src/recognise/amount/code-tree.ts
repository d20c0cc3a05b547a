import type { Check, LineRow } from '../../../schemas/common.js';
import { cellRef, defined, sumCheck } from '../../validate/sum-check.js';
import { TOTAL_LINE } from './families/types.js';

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

/** 合计 / 总计 lines (the required row of a coded table, families/types.ts). */
const TOTAL_NAME = TOTAL_LINE;

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
        sumCheck(
          rule,
          cellRef(total, key),
          tops.map((t) => cellRef(t, key)),
          `${total.name}: ${key} = Σ 类 ${tops.map((t) => t.code).join(' + ')}`,
        ),
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
          `${row.code ? `${row.code} ` : ''}${row.name}: ${id.total} = ${parts.join(' + ')}`,
        ),
      );
    }
  }
  return defined(checks);
}

/** A code the tree could not hold as printed, and where its position puts it. */
export interface Misprint {
  row: LineRow & { printedCode?: string };
  printed: string;
  placed: string;
  level: 1 | 2 | 3;
}

const CODE_LENGTH = [0, 3, 5, 7] as const;
/** Digits a level adds to its parent's code: 类 3, 款 and 项 2. */
const ownDigits = (level: number) => (level === 1 ? 3 : 2);

/**
 * Codes that do not fit the tree (issue 11): a misread or misspaced code (`7 11 02` for 2101102) has the
 * wrong length for where it is printed, or extends no code above it. Such a line is placed by position: under
 * the 类 / 款 printed above it, at the level of the lines beside it (one below a line whose group the next
 * line continues), or as the parent of the lines after it when they extend a code nothing above holds. The
 * placed code is the parent's code and the printed code's own last digits. A code of the right length at its
 * printed level that extends the wrong parent (30311 住房公积金 under 301, seed 001) stays as printed: its
 * level is sure, only its digits are wrong (`amount.code_misplaced`); one of odd length that extends its
 * parent (`3029` under 302) stays too (`amount.code_length`), read by position alone. Rows are updated in
 * place (code, level, printedCode) so the tree checks use the placed code; one finding per misprint.
 */
export function placeMisprintedCodes(rows: Array<LineRow & { segment?: number }>): Misprint[] {
  const out: Misprint[] = [];
  const segments = [...new Set(rows.map((r) => r.segment ?? 0))];
  for (const s of segments) out.push(...placeSegment(rows.filter((r) => (r.segment ?? 0) === s)));
  return out;
}

function placeSegment(rows: LineRow[]): Misprint[] {
  const out: Misprint[] = [];
  const stack: LineRow[] = [];
  let prev: { row: LineRow; level: number } | undefined;
  const accept = (row: LineRow, level: number) => {
    stack.length = level - 1;
    stack[level - 1] = row;
    prev = { row, level };
  };
  rows.forEach((r, i) => {
    if (!r.code) {
      if (isTotalRow(r)) {
        stack.length = 0;
        prev = undefined;
      }
      return;
    }
    const code = r.code;
    const printedLevel = levelOfCode(code);
    const extends_ = (level: number) =>
      level === 1 || (!!stack[level - 2]?.code && code.startsWith(stack[level - 2]!.code!));
    if (printedLevel && extends_(printedLevel)) return accept(r, printedLevel);
    const next = rows.slice(i + 1).find((x) => x.code && levelOfCode(x.code) && !isTotalRow(x));
    const nextLevel = next ? levelOfCode(next.code!) : undefined;
    // The parent of the lines after it: they extend a code the tree above does not hold.
    if (next && nextLevel && nextLevel > 1) {
      const level = nextLevel - 1;
      const expected = next.code!.slice(0, CODE_LENGTH[level]);
      const held = stack[level - 1]?.code === expected;
      const fits = level === 1 || (!!stack[level - 2]?.code && expected.startsWith(stack[level - 2]!.code!));
      if (!held && fits && expected !== code) {
        out.push(place(r, expected, level));
        return accept(r, level);
      }
    }
    if (!prev) {
      if (printedLevel) accept(r, printedLevel);
      return;
    }
    // Beside the line before it, or one below it when the next line continues that line's group.
    const p: { row: LineRow; level: number } = prev;
    const level =
      nextLevel === p.level + 1 && next!.code!.startsWith(p.row.code!) && p.level < 3 ? p.level + 1 : p.level;
    if (printedLevel === level) return accept(r, level);
    const parent = level === 1 ? '' : stack[level - 2]?.code;
    if (parent === undefined) {
      if (printedLevel) accept(r, printedLevel);
      return;
    }
    // Odd length but under its parent (3029 under 302): left as printed, placed by position in the checks.
    if (!printedLevel && code.startsWith(parent)) return;
    const digits = ownDigits(level);
    const own = (code.startsWith(parent) && parent !== '' ? code.slice(parent.length) : code.slice(-digits))
      .padStart(digits, '0')
      .slice(-digits);
    out.push(place(r, parent + own, level));
    accept(r, level);
  });
  return out;
}

function place(row: LineRow & { printedCode?: string }, placed: string, level: number): Misprint {
  const printed = row.code!;
  row.printedCode ??= printed;
  row.code = placed;
  row.level = level as 1 | 2 | 3;
  return { row, printed: row.printedCode, placed, level: level as 1 | 2 | 3 };
}
