/**
 * Checks the PDF table snapshots (test/snapshots/pdf/, extractor output, reviewed) against the PDFs themselves,
 * independently of our extractor (issue 3: "checked against the printed totals"):
 *  1. every number poppler's pdftotext prints on a table page appears in exactly one expected
 *     cell, and no expected cell holds a number poppler does not print (nothing lost or doubled);
 *  2. every cell's text, whitespace aside, is printed on its pages (pdftotext, reading order);
 *  3. in tables with 科目编码 trees, each amount column's 合计 equals the sum of its 类 rows,
 *     each 类 the sum of its 款, each 款 the sum of its 项 (within 尾差, docs/domain.md §2).
 * Needs poppler-utils (build machine only). Usage: npx tsx scripts/check-pdf-expected.ts [file.pdf ...]
 * (default: the corpus PDFs the tests read, from $BUDGETDOC_CORPUS; bench/sample-index.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CORPUS_SAMPLES } from '../bench/sample-index.js';
import { corpusFile } from '../test/helpers/corpus.js';
import type { ExpectedDocument, ExpectedTable } from '../test/golden/pdf/project.js';
import { checkTree } from './pdf-tree-sums.js';

/** Numbers as printed, wherever they stand (poppler glues `30207邮电费`; a title holds `2024年`). */
const numbers = (text: string): string[] => text.match(/(?<![\d.,])\d[\d,]*(\.\d+)?(?![\d.,])/g) ?? [];

/** Whether `s` is printed contiguously, or in at most three contiguous pieces (a wrapped cell interleaved with its neighbour). */
function printed(text: string, s: string, pieces = 3): boolean {
  if (text.includes(s)) return true;
  if (pieces <= 1) return false;
  for (let k = s.length - 1; k >= 1; k--)
    if (text.includes(s.slice(0, k))) return printed(text, s.slice(k), pieces - 1);
  return false;
}

function pdftotext(file: string, page: number, layout: boolean): string {
  const args = ['-f', String(page), '-l', String(page), ...(layout ? ['-layout'] : []), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

function tally(tokens: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function checkFile(file: string): string[] {
  const want = JSON.parse(
    readFileSync(join('test/snapshots/pdf', `${basename(file, '.pdf')}.expected.json`), 'utf8'),
  ) as ExpectedDocument;
  const problems: string[] = [];
  const pages = [...new Set(want.tables.flatMap((t) => t.pages))];
  // Page numbers (`- 7 -`) belong to no table.
  const onPages = pages.flatMap((p) => numbers(pdftotext(file, p, true).replace(/^\s*[-—]\s*\d+\s*[-—]\s*$/gm, '')));
  const inTables = want.tables.flatMap((t) => [...t.rows.flat(), ...t.context, ...t.after].flatMap(numbers));
  const a = tally(onPages),
    b = tally(inTables);
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if ((a.get(k) ?? 0) !== (b.get(k) ?? 0))
      problems.push(`number ${k}: printed ${a.get(k) ?? 0}x, in cells ${b.get(k) ?? 0}x`);
  }
  for (const t of want.tables) {
    const text = t.pages
      .map((p) => pdftotext(file, p, false))
      .join('')
      .replace(/\s+/g, '');
    for (const cell of t.rows.flat()) {
      const s = cell.replace(/\s+/g, '');
      if (s && !printed(text, s)) problems.push(`${t.id}: cell text not printed as such: ${JSON.stringify(cell)}`);
    }
    problems.push(...checkTree(t as ExpectedTable).map((p) => `${t.id}: ${p}`));
  }
  return problems;
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : CORPUS_SAMPLES.filter((n) => n.endsWith('.pdf')).map(corpusFile);
let bad = 0;
for (const f of files.filter((f) => f.endsWith('.pdf'))) {
  const problems = checkFile(f);
  bad += problems.length;
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${f}`);
  for (const p of problems) console.log(`     ${p}`);
}
process.exitCode = bad ? 1 : 0;
