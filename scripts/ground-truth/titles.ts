/**
 * The checker's own vocabulary of table titles (from docs of the domain: the 公开表 names of 部门预算, 部门决算 and
 * 绩效 tables), independent of src/recognise, so a value typed under the wrong table type fails.
 */
import type { PageWords, Word } from './pdf-words.js';
import { cy, sameLine } from './geometry.js';
import { squash } from './text.js';

/** Title words per table type; the longest match on a title line decides its type (一般公共预算财政拨款支出决算表 is not 支出决算表). */
export const TITLE_WORDS: Record<string, RegExp[]> = {
  'final.summary': [/收入支出决算总表/, /收支决算总表/],
  'final.income': [/收入决算表/],
  'final.expenditure': [/支出决算表/],
  'final.fiscal_summary': [/财政拨款收入支出决算总表/, /财政拨款收支决算总表/],
  'final.gpb_functional': [/一般公共预算财政拨款支出决算(明细)?表/],
  'final.gpb_basic_economic': [/一般公共预算财政拨款基本支出决算(明细)?表/],
  'final.three_public': [/三公经费.{0,16}决算表/],
  'final.gov_fund': [/政府性基金预算财政拨款(收入支出|收支|支出)?决算表/],
  'final.soe_capital': [/国有资本经营预算财政拨款(收入支出|收支|支出)?决算表/],
  'final.empty_index': [/空表(情况)?(说明|列表)/, /公开表目录/],
  'budget.summary': [/收支预算总表/, /收入支出预算总表/, /收支总表/],
  'budget.income': [/收入预算(总)?表/, /收入总表/],
  'budget.expenditure': [/支出预算(总)?表/, /支出总表/],
  'budget.fiscal_summary': [/财政拨款收支(预算)?总表/, /财政拨款收入支出预算总表/],
  // Jiangsu prints each of these twice, for all 财政拨款 and for the 一般公共预算 alone: one type, two scopes.
  'budget.gpb_functional': [/(一般公共预算|财政拨款)(财政拨款)?支出(功能分类)?预算表/, /一般公共预算支出表/],
  'budget.gpb_basic_economic': [
    /(一般公共预算|财政拨款)(财政拨款)?基本支出.{0,8}经济分类.{0,4}(预算)?表/,
    /(一般公共预算|财政拨款)(财政拨款)?基本支出(预算)?表/,
  ],
  'budget.three_public': [/三公经费.{0,16}预算表/],
  'budget.gov_fund': [/(财政拨款)?政府性基金(预算)?(财政拨款)?(收入)?支出(功能分类)?预算表/, /政府性基金预算支出表/],
  'budget.soe_capital': [
    /(财政拨款)?国有资本经营预算(财政拨款)?(收入)?支出(功能分类)?预算表/,
    /国有资本经营预算支出表/,
  ],
  'budget.procurement': [/政府采购(支出)?(预算)?(明细)?表/],
  'budget.operating_costs': [/(一般公共预算)?机关运行经费(支出)?(预算)?表/],
  'perf.project_target': [/项目支出绩效目标(申报)?表/, /项目支出绩效目标填报表/],
  'perf.dept_target': [/部门整体支出绩效目标(申报)?表/, /整体(支出)?绩效目标(申报)?表/],
  'perf.project_selfeval': [/项目支出绩效自评表/],
  'perf.dept_selfeval': [/部门整体支出绩效自评表/, /整体(支出)?绩效自评表/],
};

/** Longer lines are narrative or 目录 entries, not titles. */
const MAX_TITLE_LINE = 48;

/** A page's text lines (words sharing a line, left to right), split where a gap wider than `maxGap` opens. */
export function textRuns(words: PageWords, maxGap = 24): Word[][] {
  const sorted = [...words].sort((a, b) => cy(a) - cy(b) || a.x0 - b.x0);
  const lines: Word[][] = [];
  for (const w of sorted) {
    const line = lines.find((l) => sameLine(l[0]!, w));
    if (line) line.push(w);
    else lines.push([w]);
  }
  const runs: Word[][] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x0 - b.x0);
    let run: Word[] = [];
    for (const w of line) {
      if (run.length && w.x0 - run[run.length - 1]!.x1 > maxGap) {
        runs.push(run);
        run = [];
      }
      run.push(w);
    }
    if (run.length) runs.push(run);
  }
  return runs;
}

/** The table type a printed line names, by its most specific title words; null when it names none. */
export function titleType(line: string): { type: string; length: number } | null {
  const text = squash(line);
  if (text.length > MAX_TITLE_LINE) return null;
  let best: { type: string; length: number } | null = null;
  for (const [type, patterns] of Object.entries(TITLE_WORDS)) {
    for (const re of patterns) {
      const m = re.exec(text);
      if (m && (!best || m[0].length > best.length)) best = { type, length: m[0].length };
    }
  }
  return best;
}

export interface PrintedTitle {
  type: string;
  text: string;
  /** Bottom of the title line: the table's header starts below it. */
  y1: number;
  y0: number;
}

const titleCache = new WeakMap<PageWords, PrintedTitle[]>();

/** The table titles a page prints, top to bottom. */
export function pageTitles(words: PageWords): PrintedTitle[] {
  const cached = titleCache.get(words);
  if (cached) return cached;
  const out: PrintedTitle[] = [];
  for (const run of textRuns(words)) {
    const text = run.map((w) => w.text).join('');
    const t = titleType(text);
    if (t)
      out.push({
        type: t.type,
        text: squash(text),
        y0: Math.min(...run.map((w) => w.y0)),
        y1: Math.max(...run.map((w) => w.y1)),
      });
  }
  out.sort((a, b) => a.y0 - b.y0);
  titleCache.set(words, out);
  return out;
}

/**
 * The title a position on a page belongs to: the nearest title above it on the page, else the last title of the
 * nearest earlier page that prints one (a table continued over pages prints its title once).
 */
export function titleAbove(pages: PageWords[], page: number, y: number): { title: PrintedTitle; page: number } | null {
  const here = pageTitles(pages[page - 1] ?? []).filter((t) => t.y1 <= y + 1);
  if (here.length) return { title: here[here.length - 1]!, page };
  for (let p = page - 1; p >= 1; p--) {
    const ts = pageTitles(pages[p - 1] ?? []);
    if (ts.length) return { title: ts[ts.length - 1]!, page: p };
  }
  return null;
}
