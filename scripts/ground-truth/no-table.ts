/**
 * A ground-truth file that lists no table and no value (a narrative-only document, a reviewer's checklist) says the document
 * prints none: no page prints a title the vocabulary of `titles.ts` names together with a 单位 line (`单位：万元`),
 * which every budget or final-accounts table prints. Titles alone do not count: a 目录 and the narrative's section
 * headings (`五、财政拨款支出预算表情况说明`) name tables without printing them.
 */
import type { PageWords } from './pdf-words.js';
import { pageTitles, textRuns } from './titles.js';
import { squash } from './text.js';

export interface PrintedTable {
  page: number;
  title: string;
  type: string;
}

const UNIT = /单位:?(万元|元)/;

/** The tables a PDF prints: per page, its first title when the page also prints a 单位 line. */
export function printedPdfTables(pages: PageWords[]): PrintedTable[] {
  const out: PrintedTable[] = [];
  pages.forEach((words, i) => {
    const titles = pageTitles(words);
    if (!titles.length) return;
    const unit = textRuns(words, 200).some((r) => UNIT.test(squash(r.map((w) => w.text).join(''))));
    if (unit) out.push({ page: i + 1, title: titles[0]!.text, type: titles[0]!.type });
  });
  return out;
}

/** The error for a file listing no table of a document that prints some; null when it prints none. */
export function unlistedTables(document: string, printed: PrintedTable[]): string | null {
  if (!printed.length) return null;
  const list = printed
    .slice(0, 5)
    .map((t) => `page ${t.page} "${t.title}" (${t.type})`)
    .join(', ');
  return `${document}: the file lists no table, but the document prints ${printed.length}: ${list}${printed.length > 5 ? ', …' : ''}`;
}
