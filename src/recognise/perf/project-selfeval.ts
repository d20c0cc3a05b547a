import type { Table } from '../../model/document.js';
import type { LineRow } from '../../../schemas/common.js';
import { perfProjectSelfevalSchema, type ProjectSelfevalIndicator } from '../../../schemas/perf-project-selfeval.js';
import type { Recogniser, RecogniseContext, RecogniseResult } from '../types.js';
import { amountValue, parseAmount } from '../values.js';
import { hasIndicatorHeader, labelEvidence, scoreFrom, indicatorHeaderRows } from './classify.js';
import { FormView, labelled, printedLabel } from './form.js';
import { checkboxesIn, levelFields, numberOf, operatorOf, pointsValue, textOf } from './indicator-values.js';
import { findIndicatorHeader, readIndicators, type ColumnSpec } from './indicators.js';
import { projectSelfevalChecks } from './project-selfeval-checks.js';
import { perfBase, titleOf, yearOf } from './record.js';
import { selfScore, totalRow } from './totals.js';
import { cleanText, labelKey } from './text.js';

const TYPE = 'perf.project_selfeval';
const TITLE = /(项目|专项).*自评表|项目支出绩效自评表/;

/** Labels of the form's header block: a value cell never looks like one of these. */
const LABELS = /^(专项[(（]项目[)）]名称|项目名称|.*主管部门|实施单位|项目资金|年度|年度总体目标)/;

const COLUMNS: ColumnSpec[] = [
  { key: 'target', header: /^(年度指标值|指标值|年度目标值)$/ },
  { key: 'actual', header: /^(全年完成值|实际完成值|全年实际值)$/ },
  { key: 'points', header: /^分值$/ },
  { key: 'score', header: /^得分$/ },
  { key: 'reason', header: /^(未完成原因|偏差原因)/ },
];
const STOP = /^(说明|备注|总分|合计|注[:：])/;

/** 项目资金 columns (docs/domain.md §3.2): 全年预算数(A), 全年执行数(B), 分值, 得分, 执行率(B/A); 年初预算数 where printed. */
const FUNDING: ColumnSpec[] = [
  { key: 'budget', header: /^全年预算数/ },
  // The 财政部 template adds 年初预算数 before 全年预算数.
  { key: 'initialBudget', header: /^年初预算数/ },
  { key: 'executed', header: /^全年执行数/ },
  { key: 'points', header: /^分值$/ },
  { key: 'score', header: /^得分$/ },
  { key: 'rate', header: /^执行率/ },
];
const FUNDING_LINE = /年度资金总额|财政资金|当年财政拨款|其他资金|上年结转/;

/**
 * A 项目资金 figure. The 财政部 template prints `—` in the 分值 / 执行率 / 得分 cells of the 其中
 * lines: there it means "not scored", not 0, unlike a `-` amount.
 */
function fundingValue(key: string, text: string): number | null {
  if (key === 'budget' || key === 'executed' || key === 'initialBudget') return amountValue(text);
  return parseAmount(text).kind === 'dash' ? null : pointsValue(text.replace(/%\s*$/, ''));
}

/** The 项目资金 lines as line rows: name as printed, values keyed like FUNDING. */
function fundingRows(view: FormView): LineRow[] {
  const budget = view.find(FUNDING[0]!.header);
  if (!budget) return [];
  const headers = FUNDING.map((f) => ({
    key: f.key,
    cell: view.rowCells(budget.row).find((c) => f.header.test(labelKey(c.text))),
  }));
  const rows: LineRow[] = [];
  for (let r = budget.row + budget.rowSpan; r < view.table.nRows; r++) {
    const label = view
      .rowCells(r)
      .find((c) => c.row === r && c.col < budget.col && FUNDING_LINE.test(labelKey(c.text)));
    if (!label) break;
    const values: Record<string, number | null> = {};
    const cells: NonNullable<LineRow['cells']> = {};
    for (const { key, cell: header } of headers) {
      if (!header) continue;
      const cell = view.grid[r]?.[header.col];
      const own = cell && cell.row === r ? cell : undefined;
      values[key] = own ? fundingValue(key, own.text) : null;
      if (own && cleanText(own.text) !== '') cells[key] = own.prov;
    }
    rows.push({ name: cleanText(label.text).replace(/[:：]$/, ''), values, provenance: label.prov, cells });
  }
  return rows;
}

/** 年初设定目标 / 全年实际完成情况: the text printed under each heading. */
function goalUnder(view: FormView, heading: RegExp) {
  const h = view.find(heading);
  if (!h) return null;
  const cell = view.grid[h.row + h.rowSpan]?.[h.col];
  return cell && cleanText(cell.text) !== ''
    ? { label: printedLabel(h), value: cleanText(cell.text), provenance: cell.prov }
    : null;
}

function recognise(table: Table, ctx: RecogniseContext): RecogniseResult {
  const view = new FormView(table);
  const field = (re: RegExp) => {
    const hit = view.field(re, LABELS);
    return hit && hit.value !== '' ? labelled(hit) : null;
  };
  const implementer = field(/^实施单位$/);
  const base = perfBase(table, ctx, TYPE, {
    title: titleOf(table, /自评表/, '项目支出绩效自评表'),
    department: implementer,
    year: yearOf(table),
  });
  const header = findIndicatorHeader(view, COLUMNS);
  const read = header ? readIndicators(view, header, COLUMNS, STOP) : { rows: [], endRow: table.nRows, issues: [] };
  const indicators: ProjectSelfevalIndicator[] = read.rows.map((row) => ({
    ...levelFields(row),
    target: operatorOf(row.columns.target),
    actual: operatorOf(row.columns.actual),
    points: numberOf(row.columns.points),
    score: numberOf(row.columns.score),
    reason: textOf(row.columns.reason),
  }));
  const total = totalRow(view, header);
  const record = {
    ...base,
    rows: fundingRows(view),
    projectName: field(/^(专项[(（]项目[)）]名称|项目名称)$/),
    supervisor: field(/主管部门$/),
    implementer,
    plannedGoal: goalUnder(view, /^(年初设定目标|预期目标)$/),
    achievedGoal: goalUnder(view, /^(全年实际完成情况|实际完成情况)$/),
    totalPoints: total.points,
    totalScore: total.score ?? selfScore(view),
    remark: field(/^说明$/),
    indicators,
    checkboxes: checkboxesIn(view),
  };
  return { record, issues: read.issues };
}

function score(table: Table): number {
  const { title, labels, has } = labelEvidence(table);
  return scoreFrom(
    [
      [TITLE.test(title), 0.4],
      [has(/^(专项[(（]项目[)）]名称|项目名称)$/), 0.2],
      [has(/^全年执行数|^执行率/), 0.2],
      [hasIndicatorHeader(labels) && has(/^(全年完成值|实际完成值|全年实际值)$/), 0.2],
    ],
    /部门整体/.test(title) || !hasIndicatorHeader(labels),
  );
}

export const projectSelfevalRecogniser: Recogniser = {
  tableType: TYPE,
  score,
  recognise,
  schema: perfProjectSelfevalSchema,
  checks: projectSelfevalChecks,
  headerRows: indicatorHeaderRows,
};
