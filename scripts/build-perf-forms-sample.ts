/**
 * Builds samples/pdf/built/hongkou-2025-project-target-forms.pdf (issue 11, Forms): five Shanghai 区级
 * 财政项目支出绩效目标填报表 in a row, as docs/domain.md §3.6 describes them. Constructed: every name, figure and
 * indicator comes from scripts/perf-forms-sample/data.ts, nothing from a real disclosure or the corpus.
 *
 * Each form starts on a new page with its title `财政项目支出绩效目标填报表` and `（2025年度）` printed above a ruled
 * 8-column grid: 项目名称; 项目性质 | 项目类别; 主管部门 | 实施单位; 计划开始日期 | 计划完成日期; the 项目资金（元）
 * block in two halves (left 项目资金总额 / 其中：财政资金 / 其他资金, right 年度资金申请总额 / 其中：当年财政拨款 /
 * 上年结转资金 / 其他资金); 项目总目标 and 年度总体目标 side by side; the indicator header 一级指标 | 二级指标 |
 * 三级指标 | 年度指标值 and the indicator rows, 一级 and 二级 merged down. Form 3 does not fit its page: the rest of its
 * indicator rows go on the next page, without title or header, a group continued there leaving its label blank
 * (pdf-sample-kit.ts `paginate` does the same for seed 004).
 *
 * pdfkit with the Debian font fonts-wqy-zenhei (a subset is embedded) and the ruled-table printer of
 * scripts/pdf-sample-kit.ts; fixed PDF dates, so rebuilding gives the same bytes.
 * Usage: npx tsx scripts/build-perf-forms-sample.ts   (then look at it: pdftoppm -r 80 -png)
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  drawTable,
  line,
  newDoc,
  rowHeight,
  save,
  type CellSpec,
  type RowSpec,
  type TableSpec,
} from './pdf-sample-kit.js';
import { projectTargetForms, type IndicatorRow, type TargetForm } from './perf-forms-sample/data.js';

const TOP = 40;
const TABLE_TOP = 86;
const BOTTOM = 60;
/** Eight columns, 515 pt: labels | 二级 (2) | left amounts / 三级 | right labels (2) | right amounts / 指标值 (2). */
const T: TableSpec = { widths: [64, 56, 56, 84, 66, 56, 66, 67], fontSize: 9, minRow: 22 };

const c = (text: string, colSpan = 1, rowSpan = 1, align: CellSpec['align'] = 'left'): CellSpec => ({
  text,
  colSpan,
  rowSpan,
  align,
});
const mid = (text: string, colSpan = 1, rowSpan = 1) => c(text, colSpan, rowSpan, 'center');
const amount = (text: string, colSpan = 1) => c(text, colSpan, 1, 'right');

/** 元 with two decimals to 分, refusing anything else. */
function fen(text: string): number {
  const m = /^(\d{1,3}(?:,\d{3})*|\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`amount ${text} is not printed as 元 with two decimals`);
  return Number(m[1]!.replace(/,/g, '')) * 100 + Number(m[2]);
}

/** Both identities of §3.6, exactly, before anything is printed. */
function checkSums(f: TargetForm): void {
  const p = f.project;
  const a = f.annual;
  if (fen(p.total) !== fen(p.fiscal) + fen(p.other))
    throw new Error(`${f.name}: 项目资金总额 ${p.total} ≠ 财政资金 + 其他资金`);
  if (fen(a.total) !== fen(a.appropriation) + fen(a.carryover) + fen(a.other)) {
    throw new Error(`${f.name}: 年度资金申请总额 ${a.total} ≠ 当年财政拨款 + 上年结转资金 + 其他资金`);
  }
}

/** The form's head: fields, the 项目资金（元） block, the goals and the indicator header. */
function headRows(f: TargetForm): RowSpec[] {
  return [
    [mid('项目名称'), c(f.name, 7), null, null, null, null, null, null],
    [mid('项目性质'), c(f.nature, 3), null, null, mid('项目类别'), c(f.category, 3), null, null],
    [mid('主管部门'), c(f.supervisor, 3), null, null, mid('实施单位'), c(f.implementer, 3), null, null],
    [mid('计划开始日期'), c(f.start, 3), null, null, mid('计划完成日期'), c(f.end, 3), null, null],
    [
      mid('项目资金\n（元）', 1, 4),
      c('项目资金总额', 2),
      null,
      amount(f.project.total),
      c('年度资金申请总额', 2),
      null,
      amount(f.annual.total, 2),
      null,
    ],
    [
      null,
      c('其中：财政资金', 2),
      null,
      amount(f.project.fiscal),
      c('其中：当年财政拨款', 2),
      null,
      amount(f.annual.appropriation, 2),
      null,
    ],
    [
      null,
      c('其他资金', 2),
      null,
      amount(f.project.other),
      c('上年结转资金', 2),
      null,
      amount(f.annual.carryover, 2),
      null,
    ],
    [null, c('', 2), null, c(''), c('其他资金', 2), null, amount(f.annual.other, 2), null],
    [mid('项目总目标', 4), null, null, null, mid('年度总体目标', 4), null, null, null],
    [c(f.overallGoal, 4), null, null, null, c(f.annualGoal, 4), null, null, null],
    [mid('一级指标'), mid('二级指标', 2), null, mid('三级指标', 3), null, null, mid('年度指标值', 2), null],
  ];
}

/** A body row without its group cells, for measuring. */
const bare = (r: IndicatorRow): RowSpec => [c(''), c('', 2), null, c(r[2], 3), null, null, mid(r[3], 2), null];

/**
 * Indicator rows of one page, 一级 and 二级 merged over the rows of their group on this page; a group that started
 * on an earlier page prints its cell blank here.
 */
function bodyRows(rows: readonly IndicatorRow[], started: Set<string>): RowSpec[] {
  return rows.map((r, i) => {
    const lead = [0, 1].map((level): CellSpec | null => {
      const key = r.slice(0, level + 1).join('/');
      const prev = i > 0 ? rows[i - 1]!.slice(0, level + 1).join('/') : undefined;
      if (prev === key) return null;
      let span = 1;
      while (i + span < rows.length && rows[i + span]!.slice(0, level + 1).join('/') === key) span++;
      const text = started.has(key) ? '' : r[level]!;
      started.add(key);
      return mid(text, level === 0 ? 1 : 2, span);
    });
    return [lead[0]!, lead[1]!, null, c(r[2], 3), null, null, mid(r[3], 2), null];
  });
}

/** Splits a form's indicator rows into the rows that fit under its head and the rest, page by page. */
function pages(doc: PDFKit.PDFDocument, f: TargetForm, headBottom: number): IndicatorRow[][] {
  const out: IndicatorRow[][] = [[]];
  let room = doc.page.height - BOTTOM - headBottom;
  for (const r of f.indicators) {
    const h = rowHeight(doc, T, bare(r));
    if (h > room && out[out.length - 1]!.length) {
      out.push([]);
      room = doc.page.height - BOTTOM - TOP;
    }
    out[out.length - 1]!.push(r);
    room -= h;
  }
  return out;
}

async function build(): Promise<void> {
  const s = projectTargetForms;
  s.forms.forEach(checkSums);
  const doc = newDoc('portrait', s.docTitle);
  let page = 0;
  s.forms.forEach((f, i) => {
    if (i > 0) doc.addPage();
    page++;
    line(doc, s.title, TOP, 15, 'center');
    line(doc, s.year, TOP + 24, 11, 'center');
    const headBottom = drawTable(doc, T, headRows(f), 40, TABLE_TOP);
    const parts = pages(doc, f, headBottom);
    const started = new Set<string>();
    parts.forEach((rows, k) => {
      if (k > 0) {
        doc.addPage();
        page++;
      }
      drawTable(doc, T, bodyRows(rows, started), 40, k === 0 ? headBottom : TOP);
    });
    const spread = parts.length > 1 ? `pages ${page - parts.length + 1}–${page}` : `page ${page}`;
    console.log(`form ${i + 1} ${f.name}: ${f.indicators.length} indicators, ${spread}`);
    if ((i === s.twoPageForm) !== (parts.length === 2))
      throw new Error(`form ${i + 1} should${i === s.twoPageForm ? '' : ' not'} run over two pages`);
  });
  mkdirSync(dirname(s.file), { recursive: true });
  await save(doc, s.file);
  console.log(`${s.file}: ${page} pages`);
}

await build();
