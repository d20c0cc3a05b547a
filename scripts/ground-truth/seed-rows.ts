/**
 * Reads a seed text (../shared/seeds/*.txt, the text a sample was rebuilt from) into rows of cells, the titles it
 * prints and the regions they head. Seeds print tables in four ways, so each row keeps the way it was read:
 * - `pipe`: one line, cells between `|` (seed 002, a web page's table);
 * - `cells`: one cell per line, each opened by a tab, a row ending at a blank line; a line without its own tab
 *   continues the cell above (a wrapped label: `上缴上` + `级支出`) (seeds 000, 001: Word tables);
 * - `sheet`: cells between tabs at their sheet positions, empty cells kept (seed 001's embedded workbooks, one row
 *   per blank-line block, a cell's own line breaks joined; seed 003, one row per line);
 * - `text`: a line of words (seed 004, a PDF's text), cells split at spaces.
 */
import { titleType } from './titles.js';
import { squash } from './text.js';

export type RowKind = 'pipe' | 'cells' | 'sheet' | 'text';

export interface SeedRow {
  /** Position among the seed's rows: order is what "above" and "before" mean. */
  index: number;
  /** 1-based line of the seed the row starts on (for messages). */
  line: number;
  kind: RowKind;
  cells: string[];
}

export interface SeedTitle {
  row: number;
  /** Last row of the title (a title wrapped over two lines ends one row later). */
  end: number;
  type: string;
  text: string;
}

export interface Seed {
  rows: SeedRow[];
  titles: SeedTitle[];
}

/** A blank line ends a block; a line holding only a tab is an empty cell, not a blank. */
const isBlank = (line: string): boolean => !line.includes('\t') && line.trim() === '';

function textCells(line: string): string[] {
  return line.split(/[ \u3000]+/).filter((c) => c.length > 0);
}

function readBlock(lines: string[], first: number, out: Omit<SeedRow, 'index'>[]): void {
  const push = (kind: RowKind, cells: string[], at: number) => out.push({ kind, cells, line: first + at + 1 });
  if (lines.some((l) => l.includes('|'))) {
    lines.forEach((l, i) =>
      push(l.includes('|') ? 'pipe' : 'text', l.includes('|') ? l.split('|').map((c) => c.trim()) : textCells(l), i),
    );
    return;
  }
  const opening = lines.findIndex((l) => l.startsWith('\t'));
  const lead = opening < 0 ? lines.length : opening;
  // A line opened by a cell's text that holds tabs is a sheet row of its own (seed 003 prints a table so).
  const lineRows = lines.slice(0, lead).some((l) => l.includes('\t'));
  for (let i = 0; i < (lineRows ? lines.length : lead); i++) {
    const l = lines[i]!;
    if (l.includes('\t')) push('sheet', l.split('\t'), i);
    else if (l.trim()) push('text', textCells(l), i);
  }
  if (lineRows || opening < 0) return;
  const rest = lines.slice(opening);
  if (rest.every((l) => !l.slice(1).includes('\t'))) {
    const cells: string[] = [];
    for (const l of rest) {
      if (l.startsWith('\t')) cells.push(l.slice(1));
      else cells[cells.length - 1] += l;
    }
    push('cells', cells, opening);
  } else {
    // A sheet row whose cells hold line breaks: the breaks are inside cells, so the lines join without a gap.
    push('sheet', rest.join('').split('\t'), opening);
  }
}

/**
 * Seed titles the vocabulary of titles.ts does not know, because they name a 绩效 form by its project or by its
 * part: `1、代表活动经费绩效目标表` (seed 003), `区级预算（项目）绩效目标自评表` (001), the 绩申表 parts (000).
 */
const SEED_TITLE_WORDS: Record<string, RegExp[]> = {
  'perf.project_target': [/^(?!.*(整体|部门\(单位\))).{2,24}绩效目标表$/],
  'perf.project_selfeval': [/项目\)?绩效目标自评表/, /预算项目自评表/],
  'perf.dept_target': [/整体支出.{0,8}绩效目标.{0,8}表/, /整体支出绩效目标指标及指标值/],
};

/** The table type a title line names: titles.ts first, then the seed titles above; the longest match decides. */
export function seedTitleType(line: string): { type: string; length: number } | null {
  let best = titleType(line);
  const text = squash(line);
  if (text.length > 48) return best;
  for (const [type, patterns] of Object.entries(SEED_TITLE_WORDS)) {
    for (const re of patterns) {
      const m = re.exec(text);
      if (m && (!best || m[0].length > best.length)) best = { type, length: m[0].length };
    }
  }
  return best;
}

/** A row that can be a title: a line of text, or a table row printing a single cell. */
function titleText(row: SeedRow | undefined): string | null {
  if (!row) return null;
  const filled = row.cells.filter((c) => c.trim());
  if (row.kind !== 'text' && filled.length !== 1) return null;
  return filled.join('');
}

function findTitles(rows: SeedRow[]): SeedTitle[] {
  const titles: SeedTitle[] = [];
  for (let i = 0; i < rows.length; i++) {
    const text = titleText(rows[i]);
    if (text === null) continue;
    const alone = seedTitleType(text);
    // A title wrapped over two lines (`一般公共预算财政拨款“三公”经费` / `及会议费、培训费支出决算表`).
    // Joined only when the two lines name more than either alone (`第二部分…` over `收入支出决算总表` is not one title).
    const next = titleText(rows[i + 1]);
    const joined = next === null ? null : seedTitleType(text + next);
    const nextAlone = next === null ? null : seedTitleType(next);
    if (joined && joined.length > Math.max(alone?.length ?? 0, nextAlone?.length ?? 0)) {
      titles.push({ row: i, end: i + 1, type: joined.type, text: squash(text + next) });
      i++;
    } else if (alone) titles.push({ row: i, end: i, type: alone.type, text: squash(text) });
  }
  return titles;
}

export function readSeed(text: string): Seed {
  const lines = text.split(/\r?\n/);
  const raw: Omit<SeedRow, 'index'>[] = [];
  let block: string[] = [];
  let start = 0;
  lines.forEach((line, i) => {
    if (isBlank(line)) {
      if (block.length) readBlock(block, start, raw);
      block = [];
      start = i + 1;
    } else block.push(line);
  });
  if (block.length) readBlock(block, start, raw);
  const rows = raw.map((r, index) => ({ ...r, index }));
  return { rows, titles: findTitles(rows) };
}

/** A table region: the rows after a title up to the next title. */
export interface SeedRegion {
  title: SeedTitle;
  rows: SeedRow[];
}

export function regions(seed: Seed): SeedRegion[] {
  return seed.titles.map((t, i) => ({
    title: t,
    rows: seed.rows.slice(t.end + 1, seed.titles[i + 1]?.row ?? seed.rows.length),
  }));
}
