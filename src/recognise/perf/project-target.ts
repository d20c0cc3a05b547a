import type { Cell, Table } from '../../model/document.js';
import { perfProjectTargetSchema, type ProjectTargetIndicator } from '../../../schemas/perf-project-target.js';
import type { Recogniser, RecogniseContext, RecogniseResult } from '../types.js';
import { amountValue, normalise } from '../values.js';
import { hasIndicatorHeader, labelEvidence, scoreFrom, indicatorHeaderRows } from './classify.js';
import { FormView, labelled, printedLabel } from './form.js';
import { levelFields, operatorOf, textOf } from './indicator-values.js';
import { findIndicatorHeader, readIndicators, type ColumnSpec } from './indicators.js';
import { continuesFormAbove } from './form-continuation.js';
import { ANNUAL_FUNDS, decimalsOf, fundsHalf, PROJECT_FUNDS } from './project-funds.js';
import { projectTargetChecks } from './project-target-checks.js';
import { perfBase, titleOf, yearOf } from './record.js';
import { cleanText, labelKey } from './text.js';

const TYPE = 'perf.project_target';
const TITLE = /绩效目标表$|项目支出绩效目标/;
/** Labels of the header block (seed 003, §3.6): a value cell is never one of these. */
const LABELS =
  /^(项目编码|项目名称|项目性质|项目类别|主管部门|实施单位|计划开始日期|计划完成日期|预算规模|预算数|项目资金|.*总额|.*财政资金|.*财政拨款|其他资金|上年结转资金|资金支出计划|.*绩效目标|.*总目标|.*总体目标)/;
/** Seed 003 prints 预算数 / 其中：财政资金; the 财政部 template 年度资金总额 / 其中：财政拨款. */
const BUDGET = /^(预算数|年度资金总额)$/;
const FISCAL = /(财政资金|财政拨款)$/;
const GOALS = /^(年度)?(绩效目标|总体目标)$/;

const COLUMNS: ColumnSpec[] = [
  { key: 'description', header: /^(绩效指标描述|指标内容|指标解释)$/ },
  // §3.6 heads it 年度指标值 (or 项目指标值).
  { key: 'value', header: /^(年度|项目)?(指标值|目标值)$/ },
  { key: 'basis', header: /^(指标值确定依据|目标值确定依据|备注)$/ },
];
/** Below the indicators: notes, or the head of the next form where several were read as one table (split.ts). */
const STOP = /^(备注|注[:：]|说明|项目名称$|专项[(（]项目[)）]名称$)/;
const MILESTONE = /^(\d{1,2})月(底|末)$/;

/**
 * 资金支出计划（%）: each `N月底` label with the number printed under it. Seed 003 prints
 * 3月底 / 6月底 / 10月底 in one row and, on two of its five tables, `12月底` / `100.00` in rows
 * of their own further down, so every milestone label is looked up, not just one row.
 */
function spendingPlan(view: FormView, endRow: number) {
  const labels = view.cells.filter((c) => c.row < endRow && MILESTONE.test(cleanText(c.text).replace(/\s+/g, '')));
  return labels.map((label) => {
    const next = labels.find((l) => l.row === label.row && l.col > label.col);
    const under = view
      .rowCells(label.row + label.rowSpan)
      .filter(
        (c) => c.col + c.colSpan > label.col && c.col < (next?.col ?? Infinity) && c.row === label.row + label.rowSpan,
      );
    const hit = under.find((c) => amountValue(c.text.replace(/%\s*$/, '')) !== null);
    const m = MILESTONE.exec(cleanText(label.text).replace(/\s+/g, ''))!;
    return {
      label: cleanText(label.text),
      month: Number(m[1]),
      percent: hit ? amountValue(hit.text.replace(/%\s*$/, '')) : null,
      provenance: (hit ?? label).prov,
    };
  });
}

/** The rows of a block whose label cell spans them (or, merge lost, the rows with a blank label column). */
function blockRows(view: FormView, label: Cell, endRow: number): number[] {
  const rows: number[] = [];
  for (let r = label.row; r < endRow; r++) {
    const owner = view.at(r, label.col);
    if (r > label.row && owner !== label && cleanText(owner?.text ?? '') !== '') break;
    rows.push(r);
  }
  return rows;
}

/** Texts of a block right of its label, skipping the rows that hold other labelled values. */
function blockTexts(view: FormView, label: Cell | undefined, endRow: number, skip: RegExp) {
  if (!label) return [];
  return blockRows(view, label, endRow)
    .map((r) => view.filledRightOf(label, r).filter((c) => c.row === r))
    .filter((cells) => cells.length > 0 && !cells.some((c) => skip.test(cleanText(c.text).replace(/\s+/g, ''))))
    .flat();
}

/** `1、保证… 2、讨论…` in one cell is two targets (seed 003, 会议费). */
function splitNumbered(text: string): string[] {
  return normalise(text)
    .split(/(?:\s+|(?<=[。；;]))(?=\d{1,2}[、.．](?!\d))/)
    .map(cleanText)
    .filter((t) => t !== '');
}

/** `101002 抚宁区人大` printed above the table: 单位编码 and 单位名称. */
function unitLine(table: Table) {
  for (const line of [...table.context].reverse()) {
    const m = /^(\d{6,})\s+(\S.*)$/.exec(normalise(line));
    if (m) return { code: { value: m[1]!, provenance: table.prov }, name: { value: m[2]!, provenance: table.prov } };
  }
  return null;
}

/** The text printed under a heading cell (§3.6: 项目总目标 and 年度总体目标 side by side, their texts below). */
function textUnderHeading(view: FormView, re: RegExp, end: number) {
  const h = view.find(re, 0, end);
  const cell = h && view.at(h.row + h.rowSpan, h.col);
  return h && cell && cell.row < end && cleanText(cell.text) !== ''
    ? { label: printedLabel(h), value: cleanText(cell.text), provenance: cell.prov }
    : null;
}

function recognise(table: Table, ctx: RecogniseContext): RecogniseResult {
  const view = new FormView(table);
  const header = findIndicatorHeader(view, COLUMNS);
  const end = header?.row ?? table.nRows;
  const text = (re: RegExp) => {
    const hit = view.field(re, LABELS);
    return hit && hit.value !== '' && hit.label.row < end ? labelled(hit) : null;
  };
  const amount = (re: RegExp) => {
    const hit = view.field(re, LABELS);
    return hit && hit.label.row < end
      ? { label: hit.labelText, value: amountValue(hit.value), provenance: hit.provenance }
      : null;
  };
  const read = header ? readIndicators(view, header, COLUMNS, STOP) : { rows: [], endRow: table.nRows, issues: [] };
  const indicators: ProjectTargetIndicator[] = read.rows.map((row) => ({
    ...levelFields(row),
    description: textOf(row.columns.description),
    value: operatorOf(row.columns.value),
    basis: textOf(row.columns.basis),
  }));
  const unit = unitLine(table);
  const implementer = text(/^实施单位$/);
  // Shanghai's 财政项目支出绩效目标填报表 (§3.6) prints its money in the two-halved 项目资金 block.
  const projectFunds = fundsHalf(view, PROJECT_FUNDS, ANNUAL_FUNDS.total, end, LABELS);
  const annualFunds = fundsHalf(view, ANNUAL_FUNDS, PROJECT_FUNDS.total, end, LABELS);
  const shanghai = projectFunds !== null || annualFunds !== null;
  const fundsLabel = shanghai ? view.find(/^项目资金[(（](万元|元)[)）]$/, 0, end) : undefined;
  const purposeLabel = view.find(/^预算规模/, 0, end);
  const purpose = blockTexts(view, purposeLabel, end, /预算数|财政资金|其他资金/);
  const goalsLabel = shanghai ? undefined : view.find(GOALS, 0, end);
  const goals = blockTexts(view, goalsLabel, end, /^$/).flatMap((c) =>
    splitNumbered(c.text).map((value) => ({ label: printedLabel(goalsLabel!), value, provenance: c.prov })),
  );
  const title = titleOf(table, TITLE, '项目支出绩效目标表').replace(/^\d{1,2}[、.．]\s*/, '');
  const base = perfBase(table, ctx, TYPE, { title, department: implementer ?? unit?.name, year: yearOf(table) });
  const decimals = shanghai
    ? decimalsOf(view, [...Object.values(projectFunds ?? {}), ...Object.values(annualFunds ?? {})])
    : undefined;
  const record = {
    ...base,
    // `项目资金（元）` states the unit of the block; an indicator's `≤20.00(万元)` does not.
    unit: fundsLabel ? /[(（](万元|元)[)）]/.exec(labelKey(fundsLabel.text))![1]! : base.unit,
    ...(decimals !== undefined ? { printedDecimals: decimals } : {}),
    projectCode: text(/^项目编码$/),
    projectName: text(/^项目名称$/),
    supervisor: text(/^主管部门/),
    implementer,
    unitCode: unit?.code ?? null,
    budget: shanghai ? null : amount(BUDGET),
    fiscalFunds: shanghai ? null : amount(FISCAL),
    otherFunds: shanghai ? null : amount(/^其他资金$/),
    purpose: purpose[0]
      ? {
          label: printedLabel(purposeLabel!),
          value: purpose.map((c) => cleanText(c.text)).join(''),
          provenance: purpose[0].prov,
        }
      : null,
    spendingPlan: spendingPlan(view, end),
    goals,
    nature: text(/^项目性质$/),
    category: text(/^项目类别$/),
    startDate: text(/^计划开始日期$/),
    endDate: text(/^计划完成日期$/),
    projectFunds,
    annualFunds,
    overallGoal: textUnderHeading(view, /^项目总目标$/, end),
    annualGoal: shanghai ? textUnderHeading(view, /^年度总体目标$/, end) : null,
    indicators,
  };
  return { record, issues: read.issues };
}

function formScore(table: Table): number {
  const { title, labels, has } = labelEvidence(table);
  return scoreFrom(
    [
      [TITLE.test(title) || /绩效目标表\|/.test(title), 0.3],
      [has(/^(项目编码|项目名称)$/), 0.3],
      [has(/^(资金支出计划|预算规模)/) || has(/^(预算数|项目资金总额|年度资金申请总额)$/), 0.2],
      [has(/^(年度|项目)?(指标值|目标值)$/), 0.2],
    ],
    /自评|整体/.test(title) || !hasIndicatorHeader(labels) || has(/^(全年完成值|实际完成值|得分)$/),
  );
}

/** The indicator rows of a form continued on the next page without title or header (form-continuation.ts). */
const isContinuation = (table: Table, ctx?: RecogniseContext): boolean =>
  continuesFormAbove(table, ctx, (prev, c) => formScore(prev) >= 0.8 || isContinuation(prev, c));

function score(table: Table, ctx?: RecogniseContext): number {
  const s = formScore(table);
  // Enough to be typed (and joined to the form above by the registry), never enough to beat a form.
  return s === 0 && isContinuation(table, ctx) ? 0.5 : s;
}

export const projectTargetRecogniser: Recogniser = {
  tableType: TYPE,
  score,
  recognise,
  schema: perfProjectTargetSchema,
  checks: projectTargetChecks,
  headerRows: (table, ctx) => (isContinuation(table, ctx) ? 0 : indicatorHeaderRows(table)),
};
