import type { Table } from '../../model/document.js';
import type { Check } from '../../../schemas/common.js';
import {
  perfDeptSelfevalSchema,
  type DeptSelfevalIndicator,
  type PerfDeptSelfeval,
} from '../../../schemas/perf-dept-selfeval.js';
import type { RecognisedRecord, Recogniser, RecogniseContext, RecogniseResult } from '../types.js';
import { hasIndicatorHeader, labelEvidence, scoreFrom, indicatorHeaderRows } from './classify.js';
import { FormView, labelled } from './form.js';
import { checkboxesIn, levelFields, numberOf, operatorOf, textOf } from './indicator-values.js';
import { findIndicatorHeader, readIndicators, type ColumnSpec } from './indicators.js';
import { pointsChecks, scoreChecks } from './points-checks.js';
import { ref } from '../../validate/sum-check.js';
import { perfBase, titleOf, yearOf } from './record.js';
import { selfScore, totalRow } from './totals.js';

const TYPE = 'perf.dept_selfeval';
const TITLE = /整体支出绩效自评表|整体绩效自评表/;

/** Indicator columns of seed 001's 部门整体支出绩效自评表 (docs/domain.md §3.3). */
const COLUMNS: ColumnSpec[] = [
  { key: 'points', header: /^分值$/ },
  { key: 'description', header: /^指标说明$/ },
  { key: 'scoring', header: /^评分标准$/ },
  { key: 'formula', header: /^指标值计算公式/ },
  // The 财政部 template prints 年度指标值 / 全年实际值 / 偏差原因分析及改进措施 for the same columns.
  { key: 'target', header: /^(年初目标值|目标值|年度指标值)$/ },
  { key: 'actual', header: /^(实际完成值|完成值|全年实际值|全年完成值)$/ },
  { key: 'score', header: /^得分$/ },
  { key: 'reason', header: /^(未完成原因|偏差原因)/ },
  { key: 'analysis', header: /^绩效指标分析/ },
];
const STOP = /^(备注|注[:：]|合计|总分)/;

function recognise(table: Table, ctx: RecogniseContext): RecogniseResult {
  const view = new FormView(table);
  const text = (re: RegExp) => {
    const hit = view.field(re);
    return hit && hit.value !== '' ? labelled(hit) : null;
  };
  const reportingUnit = text(/^填报单位$/);

  const header = findIndicatorHeader(view, COLUMNS);
  const read = header ? readIndicators(view, header, COLUMNS, STOP) : { rows: [], endRow: table.nRows, issues: [] };
  const indicators: DeptSelfevalIndicator[] = read.rows.map((row) => ({
    ...levelFields(row),
    points: numberOf(row.columns.points),
    description: textOf(row.columns.description),
    scoring: textOf(row.columns.scoring),
    formula: textOf(row.columns.formula),
    target: operatorOf(row.columns.target),
    actual: operatorOf(row.columns.actual),
    score: numberOf(row.columns.score),
    reason: textOf(row.columns.reason),
    analysis: textOf(row.columns.analysis),
  }));
  const record = {
    ...perfBase(table, ctx, TYPE, {
      title: titleOf(table, TITLE, '部门整体支出绩效自评表'),
      department: reportingUnit,
      year: yearOf(table),
    }),
    reportingUnit,
    // 自评得分 in the header (seed 001), else the 得分 of a 合计 / 总分 row under the indicators.
    selfScore: selfScore(view) ?? totalRow(view, header).score,
    // The three summary questions of seed 001: （一）职能与职责, （二）支出情况, （三）重点工作.
    functions: text(/^\(一\)/),
    spending: text(/^\(二\)/),
    keyTasks: text(/^\(三\)/),
    remark: text(/^备注$/),
    indicators,
    checkboxes: checkboxesIn(view),
  };
  return { record, issues: read.issues };
}

/**
 * Σ 得分 = 自评得分, each 得分 ≤ 分值, Σ 分值 of a 二级 group = the points in its name
 * (docs/domain.md §3.3). Seed 001's stale EMF preview prints 得分 5 for 项目产出 and 项目效益 where
 * the workbook has 40 and 20: only the workbook's figures reach 98, so the sum check is what
 * tells the two apart.
 */
function checks(record: RecognisedRecord): Check[] {
  const r = record as unknown as PerfDeptSelfeval;
  return [...scoreChecks(TYPE, ref(r.selfScore, 'value'), r.indicators), ...pointsChecks(TYPE, r.indicators)];
}

function score(table: Table): number {
  const { title, labels, has } = labelEvidence(table);
  return scoreFrom(
    [
      [TITLE.test(title), 0.4],
      [has(/^自评得分/), 0.2],
      [has(/^分值$/) && has(/^得分$/), 0.2],
      [has(/^评分标准$/) || has(/^(年初目标值|实际完成值|全年实际值)$/), 0.2],
    ],
    !hasIndicatorHeader(labels) || has(/^(专项[(（]项目[)）]名称|项目名称)$/),
  );
}

export const deptSelfevalRecogniser: Recogniser = {
  tableType: TYPE,
  score,
  recognise,
  schema: perfDeptSelfevalSchema,
  checks,
  headerRows: indicatorHeaderRows,
};
