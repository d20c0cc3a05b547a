/**
 * Builds putuo-finance-2024-gpb-functional-wrong-total.html: the 一般公共预算财政拨款支出决算表 of 上海市普陀区财政局
 * 2024 决算 (corpus PDF p. 15), copied line for line as printed, with ONE printed total changed on purpose: the 合计
 * line's 合计 column reads 2,950.05 instead of 2,940.05. The recogniser must keep every value, flag the failing
 * identities (合计 = 基本支出 + 项目支出; 合计 = Σ 类) and mark the record partial.
 * The lines are test/fixtures/putuo-gpb-functional.ts; before writing, each line (and the printed 合计 line) is found
 * in the text layer of the corpus page, so the copy is the page's. Derived from a real document, the file is never
 * committed: the tests build it into a temporary folder (test/helpers/derived.ts).
 * Usage: npx tsx scripts/build-amount-wrong-total.ts [--out DIR]   (corpus: $BUDGETDOC_CORPUS; default DIR: a new
 * folder under the system temp dir)
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPdf } from '../src/extract/pdf/load.js';
import { PUTUO_GPB_FUNCTIONAL_ROWS } from '../test/fixtures/putuo-gpb-functional.js';
import { corpusDir } from '../test/helpers/corpus.js';

export const WRONG_TOTAL_SAMPLE = 'putuo-finance-2024-gpb-functional-wrong-total.html';
export const WRONG_TOTAL_SOURCE = 'shanghai-putuo-finance-bureau-2024-final.pdf';
const SOURCE_PAGE = 15;

/** Printed: 合计 2,940.05 | 2,336.91 | 603.14. */
const PRINTED_TOTAL = ['', '', '', '合计', '2,940.05', '2,336.91', '603.14'];
/** Changed on purpose: 2,950.05. */
const TOTAL = ['', '', '', '合计', '2,950.05', '2,336.91', '603.14'];

/** The lines of `rows` the page does not print as a run of text items, in order (blank cells are not printed). */
async function linesNotOnPage(pdf: string, rows: readonly (readonly string[])[]): Promise<string[]> {
  const doc = await openPdf(new Uint8Array(readFileSync(pdf)), 'read');
  try {
    const page = await doc.getPage(SOURCE_PAGE);
    const items = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str.trim() : '')).filter(Boolean);
    const printed = `\u0001${items.join('\u0001')}\u0001`;
    return rows
      .map((r) => r.filter(Boolean))
      .filter((r) => !printed.includes(`\u0001${r.join('\u0001')}\u0001`))
      .map((r) => r.join(' '));
  } finally {
    await doc.destroy();
  }
}

/** Writes the sample into outDir from the corpus folder `corpus`; returns its path. */
export async function buildWrongTotal(corpus: string, outDir: string): Promise<string> {
  const pdf = join(corpus, WRONG_TOTAL_SOURCE);
  const missing = await linesNotOnPage(pdf, [...PUTUO_GPB_FUNCTIONAL_ROWS, PRINTED_TOTAL]);
  if (missing.length) throw new Error(`${pdf} p. ${SOURCE_PAGE} does not print these lines: ${missing.join('; ')}`);
  const td = (t: string) => `<td>${t}</td>`;
  const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>上海市普陀区财政局2024年度部门决算</title></head>
<body>
<h1>上海市普陀区财政局2024年度部门决算</h1>
<p>一般公共预算财政拨款支出决算表</p>
<p>编制部门：上海市普陀区财政局　　　　单位：万元</p>
<table border="1">
<tr><td colspan="4">项目</td><td rowspan="3">合计</td><td rowspan="3">基本支出</td><td rowspan="3">项目支出</td></tr>
<tr><td colspan="3">支出功能分类科目编码</td><td rowspan="2">科目名称</td></tr>
<tr><td>类</td><td>款</td><td>项</td></tr>
${[...PUTUO_GPB_FUNCTIONAL_ROWS, TOTAL].map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')}
</table>
</body></html>
`;
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, WRONG_TOTAL_SAMPLE);
  writeFileSync(out, html);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const outDir = at >= 0 ? process.argv[at + 1]! : mkdtempSync(join(tmpdir(), 'budgetdoc-derived-'));
  console.log(`wrote ${await buildWrongTotal(corpusDir(), outDir)}`);
}
