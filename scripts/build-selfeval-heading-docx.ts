/**
 * Builds samples/docx/yiling-2022-selfeval-after-heading.docx (issue 11, "a DOCX whose self-evaluations follow a
 * heading"): a document heading `宜昌市夷陵区文化和旅游局2022年度绩效自评结果` and two narrative paragraphs, then a
 * 项目支出绩效自评表 as a native Word table whose own first row is its title; then a second heading
 * (`宜昌市夷陵区文化馆2022年度绩效自评结果`), a paragraph and a second 自评表. Each form (docs/domain.md §3.2), a
 * 9-column grid with gridSpan / vMerge merges:
 *   项目支出绩效自评表 / （2022年度） (rows merged across); 项目名称; 主管部门 | 实施单位;
 *   项目资金（万元） merged down over a header line (全年预算数（A） | 全年执行数（B） | 分值 | 得分 | 执行率（B/A）) and
 *   the lines 年度资金总额 / 其中：财政资金 / 其他资金 (分值 and 得分 on 年度资金总额 only, `—` below);
 *   年度总体目标 (预期目标 | 实际完成情况, texts under them);
 *   绩效指标 merged down over the header 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 分值 | 得分 |
 *   未完成原因和改进措施 and the indicator lines, 一级 and 二级 merged down; a last line 总分 | 100 | 得分.
 * Constructed: all names, figures and indicators come from scripts/docx-samples/selfeval-heading-data.ts, whose
 * identities are checked here before anything is written. PlainDocx (scripts/docx-samples/plain-docx.ts: the ooxml.ts
 * fragments with fixed column widths, so 分值 / 得分 do not wrap) with a fixed zip date: rebuilding gives the same bytes.
 * Usage: npx tsx scripts/build-selfeval-heading-docx.ts
 *   (then look at it: soffice --headless --convert-to pdf --outdir /tmp <file>; pdftoppm -r 80 -png)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PlainDocx } from './docx-samples/plain-docx.js';
import {
  DOC_TITLE,
  FILE,
  FORM_TITLE,
  FUND_HEADERS,
  INDICATOR_HEADERS,
  forms,
  type SelfEvalForm,
} from './docx-samples/selfeval-heading-data.js';

const COLS = 9;
/** Column widths, twips (A4 landscape text width 14570): label | 一级 | 二级 | 三级 | 指标值 | 完成值 | 分值 | 得分 | 原因. */
const WIDTHS = [1500, 1300, 1800, 2900, 1600, 1600, 800, 800, 2270];

/** An amount or score to hundredths ('' and '—' are 0), refusing anything else. */
function hundredths(s: string): number {
  if (s === '' || s === '—') return 0;
  const m = /^(\d+)(?:\.(\d{1,2}))?%?$/.exec(s);
  if (!m) throw new Error(`"${s}" is not a number to 0.01`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function check(f: SelfEvalForm): void {
  const [total, fiscal, other] = f.funds;
  for (const k of ['budget', 'executed'] as const) {
    if (hundredths(total[k]) !== hundredths(fiscal[k]) + hundredths(other[k]))
      throw new Error(`${f.projectName}: 年度资金总额 ${k} ≠ 财政资金 + 其他资金`);
  }
  for (const l of f.funds) {
    if (l.rate === '') {
      if (l.budget !== '') throw new Error(`${f.projectName} ${l.label}: no 执行率 printed for a budget`);
      continue;
    }
    const want = Math.round((hundredths(l.executed) / hundredths(l.budget)) * 10000);
    if (hundredths(l.rate) !== want)
      throw new Error(`${f.projectName} ${l.label}: 执行率 ${l.rate}, B/A gives ${want / 100}%`);
  }
  // 资金 得分 = 分值 × 执行率, to 0.01.
  if (hundredths(total.score) !== Math.round((hundredths(total.points) * hundredths(total.rate)) / 10000))
    throw new Error(`${f.projectName}: 资金得分 ≠ 分值 × 执行率`);
  const points = hundredths(total.points) + f.indicators.reduce((s, i) => s + hundredths(i.points), 0);
  const score = hundredths(total.score) + f.indicators.reduce((s, i) => s + hundredths(i.score), 0);
  if (points !== hundredths(f.totalPoints) || points !== 10000)
    throw new Error(`${f.projectName}: Σ 分值 ${points / 100}, 总分 ${f.totalPoints}`);
  if (score !== hundredths(f.totalScore))
    throw new Error(`${f.projectName}: Σ 得分 ${score / 100}, 总分 row prints ${f.totalScore}`);
  for (const i of f.indicators)
    if (hundredths(i.score) > hundredths(i.points)) throw new Error(`${f.projectName} ${i.level3}: 得分 > 分值`);
  if (new Set(f.indicators.map((i) => i.level3)).size !== f.indicators.length)
    throw new Error(`${f.projectName}: a 三级指标 printed twice`);
}

/** One grid row in the spec syntax of grid-spec.ts: each cell followed by '<' for the columns it spans. */
function row(cells: Array<string | [string, number]>): string {
  const out = cells.flatMap((c) => (typeof c === 'string' ? [c] : [c[0], ...Array<string>(c[1] - 1).fill('<')]));
  if (out.length !== COLS) throw new Error(`row of ${out.length} cells: ${out.join('|')}`);
  return out.join('|');
}

function formGrid(f: SelfEvalForm): string {
  const lines: string[] = [
    row([[FORM_TITLE, COLS]]),
    row([[f.year, COLS]]),
    row(['项目名称', [f.projectName, 8]]),
    row(['主管部门', [f.supervisor, 3], '实施单位', [f.implementer, 4]]),
    row(['项目资金（万元）', ['', 3], ...FUND_HEADERS]),
    ...f.funds.map((l) => row(['^', [l.label, 3], l.budget, l.executed, l.points, l.score, l.rate])),
    row(['年度总体目标', ['预期目标', 4], ['实际完成情况', 4]]),
    row(['^', [f.plannedGoal, 4], [f.achievedGoal, 4]]),
    row(['绩效指标', ...INDICATOR_HEADERS]),
  ];
  f.indicators.forEach((i, n) => {
    const prev = f.indicators[n - 1];
    const l1 = prev && prev.level1 === i.level1 ? '^' : i.level1;
    const l2 = prev && prev.level1 === i.level1 && prev.level2 === i.level2 ? '^' : i.level2;
    lines.push(row(['^', l1, l2, i.level3, i.target, i.actual, i.points, i.score, i.reason]));
  });
  lines.push(row([['总分', 6], f.totalPoints, f.totalScore, '']));
  return lines.join('\n');
}

async function main(): Promise<void> {
  forms.forEach(check);
  const d = new PlainDocx(DOC_TITLE);
  for (const f of forms) {
    d.p(f.heading, { center: true, bold: true, size: 16 });
    for (const para of f.narrative) d.p(para);
    d.table(formGrid(f), WIDTHS);
    d.p(f.note);
  }
  mkdirSync(dirname(FILE), { recursive: true });
  writeFileSync(FILE, await d.build());
  console.log(`wrote ${FILE}`);
}

await main();
