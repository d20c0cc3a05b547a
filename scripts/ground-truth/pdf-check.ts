/**
 * Confirms a ground-truth file against its PDF with poppler (test/ground-truth/README.md, "Checker"): every value on
 * its page, in its row's cell line, under its printed column header, inside a table whose printed title names its
 * table type; every listed table's title and unit on its page. Ruled pages are read as cells (word boxes from
 * `pdftotext -bbox-layout` inside the borders `pdftocairo -svg` draws); pages without borders by word positions.
 */
import type { GroundTruthFile, GroundTruthTable, GroundTruthValue, ValueVerdict } from './types.js';
import type { PageWords, Word } from './pdf-words.js';
import { readPdfWords } from './pdf-words.js';
import { type PageRules, readPdfRules } from './pdf-rules.js';
import { buildGrid, type PageGrid } from './grid.js';
import { checkGridValue, type GridValueContext } from './grid-value.js';
import { cy, findCode, findLabel, sameLine } from './geometry.js';
import { pageTitles, textRuns, titleAbove, titleType } from './titles.js';
import { checkLineValue } from './pdf-line-value.js';
import { sameValue, squash } from './text.js';

export interface TableVerdict {
  index: number;
  ok: boolean;
  reason?: string;
}

export interface PdfVerdicts {
  values: ValueVerdict[];
  tables: TableVerdict[];
}

/** Where the value's row is printed (for picking the title above it); the page's foot when it is not found. */
function rowY(words: PageWords, v: GroundTruthValue): number {
  const label = v.row ?? v.indicator ?? v.label;
  const code = v.code ? findCode(words, v.code)[0]?.[0] : undefined;
  if (code) return cy(code);
  const m = label ? findLabel(words, label)[0] : undefined;
  return m ? cy(m.lines[0]![0]!) : Infinity;
}

/** The fund scope a title names (Jiangsu prints functional and economic tables for both). */
function scopeOf(title: string): 'general_budget' | 'fiscal' | null {
  const t = squash(title);
  return t.includes('一般公共预算') ? 'general_budget' : t.includes('财政拨款') ? 'fiscal' : null;
}

/** The table standing at height `y` of `page` is titled as `tableType` (and `scope`, when typed) says. */
function titleAt(pages: PageWords[], page: number, y: number, tableType: string, scope?: string): string | null {
  const found = titleAbove(pages, page, y);
  if (!found) return `no table title printed on page ${page} or before it`;
  if (found.title.type !== tableType) {
    return `the table is titled "${found.title.text}" (page ${found.page}), a ${found.title.type}, not ${tableType}`;
  }
  if (scope && scopeOf(found.title.text) !== scope)
    return `the table is titled "${found.title.text}", not of the ${scope} scope`;
  return null;
}

/** (c) The table the value stands in is titled as its table type says. */
function checkTitle(pages: PageWords[], v: GroundTruthValue): string | null {
  const words = pages[v.page - 1];
  if (!words) return `page ${v.page} is not in the document`;
  return titleAt(pages, v.page, rowY(words, v), v.tableType, v.scope);
}

/** A form's header field: its value printed right of its label, on the same line (the adjacent cell). */
function checkField(pages: PageWords[], v: GroundTruthValue): string | null {
  const words = pages[v.page - 1]!;
  const label = v.label ?? v.indicator;
  if (!label) return 'a form value needs its printed label or indicator';
  const labels = findLabel(words, label);
  if (!labels.length) return `label "${label}" not printed on page ${v.page}`;
  const seen = new Set<string>();
  for (const m of labels) {
    const lines = [m.lines[0]!, m.lines[m.lines.length - 1]!];
    const right = Math.max(...m.lines.flat().map((w) => w.x1));
    const after = words
      .filter((w) => w.x0 >= right - 1 && lines.some((l) => sameLine(l[0]!, w)))
      .sort((a, b) => a.x0 - b.x0);
    if (v.value === '' ? after.length === 0 || !isAdjacentValue(after) : printedRight(after, v.value)) return null;
    seen.add(
      after
        .slice(0, 4)
        .map((w) => w.text)
        .join(' ') || '(nothing)',
    );
  }
  return `right of "${label}" the page prints ${[...seen].join(' | ')}, not ${v.value || 'a blank'}`;
}

/** The first cell right of a label is the value when it is one or a few words spelling it. */
function printedRight(after: Word[], value: string): boolean {
  let text = '';
  for (const w of after.slice(0, 6)) {
    text += w.text;
    if (sameValue(value, text) || squash(text) === squash(value)) return true;
  }
  return false;
}

/** A blank field: whatever follows the label is another label (the next cell is not a value). */
function isAdjacentValue(after: Word[]): boolean {
  return !/\d/.test(after[0]!.text);
}

/**
 * A line value on a page with ruled tables is read from the cells; form fields, and pages printing no borders, from
 * word positions.
 */
export function checkValue(pages: PageWords[], v: GroundTruthValue, grids: PageGrid[] = []): string | null {
  const isField = v.field !== undefined || (v.indicator !== undefined && v.column === undefined);
  if (!isField && grids[v.page - 1]?.tables.length) {
    const ctx: GridValueContext = {
      pages,
      grids,
      titleCheck: (page, y, type) => titleAt(pages, page, y, type, v.scope),
    };
    return checkGridValue(ctx, v);
  }
  const title = checkTitle(pages, v);
  if (title) return title;
  if (v.field !== undefined || (v.indicator !== undefined && v.column === undefined)) return checkField(pages, v);
  return checkLineValue(pages, v);
}

/** A listed table: its title printed on its page, naming its type, with its unit. */
export function checkTable(pages: PageWords[], t: GroundTruthTable): string | null {
  const words = pages[t.page - 1];
  if (!words) return `page ${t.page} is not in the document`;
  const type = titleType(t.title)?.type ?? 'no known type';
  if (type !== t.tableType) return `title "${t.title}" names ${type}, not ${t.tableType}`;
  const printed = pageTitles(words).some((p) => p.text.includes(squash(t.title)) && p.type === t.tableType);
  if (!printed && !findLabel(words, t.title).length) return `title "${t.title}" not printed on page ${t.page}`;
  if (t.scope && scopeOf(t.title) !== t.scope)
    return `title "${t.title}" names the ${scopeOf(t.title) ?? 'no'} scope, not ${t.scope}`;
  if (t.unit) {
    const units = textRuns(words, 200)
      .map((r) => squash(r.map((w) => w.text).join('')))
      .flatMap((s) => [...s.matchAll(/单位:?(万元|元)/g)].map((m) => m[1]!));
    if (!units.includes(t.unit))
      return `unit ${t.unit} not printed on page ${t.page} (prints ${units.join(', ') || 'none'})`;
  }
  return null;
}

/** Checks a file against pages read beforehand; without `rules`, every page is read by word positions. */
export function checkPdfWords(gt: GroundTruthFile, pages: PageWords[], rules: PageRules[] = []): PdfVerdicts {
  const grids = pages.map((words, i) => buildGrid(i + 1, words, rules[i] ?? { h: [], v: [] }));
  const values = gt.values.map((v, index): ValueVerdict => {
    const reason = checkValue(pages, v, grids);
    return reason ? { index, ok: false, reason } : { index, ok: true };
  });
  const tables = gt.tables.map((t, index): TableVerdict => {
    const reason = checkTable(pages, t);
    return reason ? { index, ok: false, reason } : { index, ok: true };
  });
  return { values, tables };
}

/** Checks a ground-truth file against the PDF at `file` (poppler's pdftotext and pdftocairo must be installed). */
export function checkPdf(gt: GroundTruthFile, file: string): PdfVerdicts {
  const pages = readPdfWords(file);
  return checkPdfWords(gt, pages, readPdfRules(file, pages.length));
}
