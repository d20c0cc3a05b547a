import type { Cell, Table } from '../../model/document.js';
import { toGrid } from '../../model/grid.js';
import { normalise, parseAmount } from '../values.js';
import { isColumnNumberRow, ordinalPrefix, squash } from './text.js';
import { familyOfTitle } from './title-rules.js';

/**
 * Where the printed header of an amount table ends and what each column is called.
 * Multi-row headers become one path per column (基本支出 over 小计/人员经费/公用经费 gives
 * '基本支出/人员经费'); column-number rows (栏次, 1 2 3 ...) and title/unit lines caught inside
 * the grid are left out of the paths.
 */
export interface HeaderInfo {
  /** First body row. */
  bodyStart: number;
  /** Rows that are neither header nor data: column numbers, repeated headers, title lines. */
  skipRows: Set<number>;
  /** Per column, the squashed header texts top-down, merged cells repeated under their span. */
  paths: string[][];
  /** Lines printed inside the grid above the header (title, 单位), for classification. */
  innerContext: string[];
  /**
   * A blank 合计 line printed on the same line as the lowest header level (Shanghai 决算 template,
   * 政府性基金 table: '合计 | | | 合计 | 基本支出 | 项目支出'): its label cell, kept out of the header.
   */
  totalInHeader?: Cell;
}

export type RowTexts = string[];

/** Texts of each row, every column filled with the text of the cell covering it (merged cells repeat). */
export function rowTexts(table: Table): { grid: Array<Array<Cell | undefined>>; texts: RowTexts[] } {
  const grid = toGrid(table);
  return { grid, texts: grid.map((line) => line.map((c) => c?.text ?? '')) };
}

/** A label that starts a body line: 合计/总计, a subject code, an ordinal line (一、 1、). */
function isBodyLabel(text: string): boolean {
  const t = squash(text);
  if (t === '') return true;
  if (/^\d{3,}/.test(t) && !/^\d{4}年/.test(t)) return true;
  if (/(合计|总计|^(本年|当年)(收入|支出)小计)$/.test(t) || /^(上年|年初|年末|结余|用事业基金|使用非财政)/.test(t))
    return true;
  return ordinalPrefix(t) !== null;
}

/** One anchor per distinct cell in a row, in column order. */
function distinctCells(line: Array<Cell | undefined>): Cell[] {
  const out: Cell[] = [];
  for (const c of line) if (c && !out.includes(c)) out.push(c);
  return out;
}

function isAmountText(text: string): boolean {
  return parseAmount(text).kind === 'number';
}

/** Is row r a body row (data or a blank 合计 line of an empty table)? */
export function isBodyRow(line: Array<Cell | undefined>, r: number): boolean {
  // Only cells that start on this line: a header cell merged down from above says nothing about it.
  const cells = distinctCells(line).filter((c) => c.row === r && squash(c.text) !== '');
  const texts = cells.map((c) => c.text);
  if (texts.length === 0) return false;
  if (isColumnNumberRow(texts)) return false;
  if (texts.some(isAmountText)) return true;
  // A line of labels only (a blank template, an empty 合计 line): every label must be a body label.
  return texts.every(isBodyLabel);
}

/** 单位 / 编制部门 / 部门 lines of the page. */
const PAGE_LINE = /(^|\s|预算|填报)[(（]?(金额)?单位\s*[:：]|编制(部门|单位)\s*[:：]/;

/** A line of the page caught inside the grid: title, 公开NN表, 编制部门/单位. */
function isContextRow(line: Array<Cell | undefined>, nCols: number): boolean {
  const cells = distinctCells(line).filter((c) => squash(c.text) !== '');
  if (cells.length === 0) return true;
  const joined = squash(cells.map((c) => c.text).join(''));
  // A 单位 / 部门 line: at the start of a cell or after a space ('编制部门：X  单位：万元', '（单位：元）'), never a
  // header cell that states its unit ('金额（单位：万元）').
  if (cells.some((c) => PAGE_LINE.test(normalise(c.text))) || /^部门[:：]|公开\d+表|公开表/.test(joined)) return true;
  if (cells.length !== 1 || !/表(\(.*\))?$/.test(joined)) return false;
  // A title merged across the grid, or caught in one cell of it that names a table family (issue 11).
  return cells[0]!.colSpan >= Math.max(2, nCols - 1) || familyOfTitle(joined) !== null;
}

export function analyseHeader(table: Table): HeaderInfo {
  const { grid } = rowTexts(table);
  const skipRows = new Set<number>();
  const innerContext: string[] = [];
  let bodyStart = grid.length;
  // Page lines caught at the top of the grid (title, 部门, 单位, 公开NN表): the first rows, or a block of up to five from the top.
  let top = true;
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r]!;
    const context = (r < 3 || (top && r < 5)) && isContextRow(line, table.nCols);
    if (!context) top = false;
    if (context) {
      skipRows.add(r);
      const text = distinctCells(line)
        .map((c) => c.text)
        .join(' ')
        .trim();
      if (text) innerContext.push(text);
      continue;
    }
    if (isColumnNumberRow(distinctCells(line).map((c) => c.text))) {
      skipRows.add(r);
      continue;
    }
    if (isBodyRow(line, r)) {
      bodyStart = r;
      break;
    }
  }
  const totalInHeader = grid
    .slice(1, bodyStart)
    .map((line) => line[0])
    .find(
      (c, i) =>
        c &&
        c.row === i + 1 &&
        /^(合计|总计)$/.test(squash(c.text)) &&
        !skipRows.has(i + 1) &&
        isLabelHeader(grid[i]?.[0]),
    );
  const paths = headerPaths(grid, bodyStart, skipRows, table.nCols, totalInHeader);
  // Tables joined across pages repeat their header (docs/domain.md §2): drop the repeats from the body.
  const headerKeys = new Set<string>();
  for (let r = 0; r < bodyStart; r++) if (!skipRows.has(r)) headerKeys.add(rowKey(grid[r]!));
  for (let r = bodyStart; r < grid.length; r++) {
    const line = grid[r]!;
    if (headerKeys.has(rowKey(line)) || isColumnNumberRow(distinctCells(line).map((c) => c.text))) skipRows.add(r);
  }
  return totalInHeader
    ? { bodyStart, skipRows, paths, innerContext, totalInHeader }
    : { bodyStart, skipRows, paths, innerContext };
}

/** A 项目 / 科目编码 header cell: what stands above a line label, not above an amount. */
function isLabelHeader(cell: Cell | undefined): boolean {
  return !!cell && /编码|项目|科目/.test(squash(cell.text));
}

function rowKey(line: Array<Cell | undefined>): string {
  return line.map((c) => squash(c?.text ?? '')).join('|');
}

function headerPaths(
  grid: Array<Array<Cell | undefined>>,
  end: number,
  skip: Set<number>,
  nCols: number,
  exclude?: Cell,
): string[][] {
  const paths: string[][] = Array.from({ length: nCols }, () => []);
  for (let c = 0; c < nCols; c++) {
    let last: Cell | undefined;
    for (let r = 0; r < end; r++) {
      if (skip.has(r)) continue;
      const cell = grid[r]![c];
      if (!cell || cell === last || cell === exclude) continue;
      last = cell;
      const t = squash(cell.text);
      if (t !== '' && paths[c]!.at(-1) !== t) paths[c]!.push(t);
    }
  }
  return paths;
}

/** How a column is used when reading body rows. */
export type ColumnRole =
  | { role: 'code' }
  | { role: 'name' }
  | { role: 'value'; key: string }
  | { role: 'text'; key: string }
  | { role: 'ignored' };

/** Maps a header path ('基本支出/人员经费') to a column key; first matching rule wins. */
export interface ColumnRule {
  key: string;
  /** Tested against the path joined with '/'. */
  path: RegExp;
  /** Text columns (备注) keep their text instead of a number. */
  text?: boolean;
}

const CODE_LEAF = /编码|代码|^(类|款|项)$/;
const NAME_LEAF = /科目名称|^项目(名称)?$|^内容$|^功能科目名称$|^(经济|功能)分类科目名称$|^项目\(按功能分类\)$/;

export function columnRole(printed: string[], rules: ColumnRule[]): ColumnRole {
  // '金额（万元）', '金额（单位：万元）' are 金额: the unit is read separately (unit.ts).
  const path = printed.map((p) => p.replace(/\((单位[:：])?(万元|元)\)$/, ''));
  const leaf = path.at(-1) ?? '';
  if (CODE_LEAF.test(leaf)) return { role: 'code' };
  const joined = path.join('/');
  for (const rule of rules)
    if (rule.path.test(joined)) return rule.text ? { role: 'text', key: rule.key } : { role: 'value', key: rule.key };
  if (NAME_LEAF.test(leaf)) return { role: 'name' };
  return { role: 'ignored' };
}

/** Header words of a table (all paths), for classification when no title is printed. */
export function headerWords(info: HeaderInfo): string {
  return [...new Set(info.paths.flat())].join('|');
}
