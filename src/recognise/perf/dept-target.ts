import type { z } from 'zod';
import type { Cell, Table } from '../../model/document.js';
import { deptTargetRecordSchema } from '../../../schemas/perf-dept-target.js';
import type { Check } from '../../../schemas/common.js';
import { defined, ref, sumCheck } from '../../validate/sum-check.js';
import { FormGrid } from '../form-grid.js';
import { indicatorHeaderRows, ownTitle } from './classify.js';
import { baseFields, tableTexts, unitOf } from '../record.js';
import type { RecognisedRecord, Recogniser, RecogniseContext } from '../types.js';
import { amountValue, compact, normalise } from '../values.js';
import { readIndicators } from './dept-target-indicators.js';
import { readFacts, readThreePublic, valueCell } from './dept-target-facts.js';
import { FormView, printedLabel } from './form.js';
import { checkboxesIn } from './indicator-values.js';
import { cleanText } from './text.js';

const TYPE = 'perf.dept_target';
/** Titles of seeds 000 (部门(单位)整体支出绩效目标基本信息表), 002 (部门整体支出绩效目标表), 004 (整体绩效目标申报表). */
const TITLE = /整体(?:支出)?绩效目标(?:申报|基本信息)?表/;
const SOURCE_NAMES = /(财政性资金|其他资金|公共财政拨款|政府性基金拨款|非税收入拨款|其他拨款)$/;
/** Seed 000 splits the form into 绩申表-1..4, each titled 部门（单位）整体支出…绩效目标…表 (one record each). */
const PART_TITLE = /整体支出.*绩效目标.*(?:指标值|审核表|申报表|基本信息表)$/;
const FORM_PARTS = new RegExp(`绩申表[-—–]*\\d|${PART_TITLE.source.slice(0, -1)}`);

/** A value cell as a field, with the label cell it is printed beside (schemas/perf-common.ts). */
function field(cell: Cell | undefined, label?: Cell) {
  return cell
    ? { ...(label ? { label: printedLabel(label) } : {}), value: cleanText(cell.text), provenance: cell.prov }
    : null;
}

function amountField(cell: Cell | undefined, label?: Cell) {
  return cell
    ? { ...(label ? { label: printedLabel(label) } : {}), value: amountValue(cell.text), provenance: cell.prov }
    : null;
}

function readTasks(form: FormGrid) {
  // Seed 000 (绩申表-2) heads the columns 内容 / 主要内容（重点工作计划明细）.
  const header = form.find(/^(任务名称|内容)$/);
  const contentHead = header && form.find(/^主要内容/, header.row, header.row + 1);
  if (!header || !contentHead) return [];
  const block = form.at(header.row, 0);
  const end = block && block !== header ? block.row + block.rowSpan : form.table.nRows;
  const tasks = [];
  for (let r = header.row + 1; r < end; r++) {
    const name = form.at(r, header.col);
    const content = form.at(r, contentHead.col);
    if (!name || name.row !== r || compact(name.text) === '') continue;
    tasks.push({ name: cleanText(name.text), content: content ? cleanText(content.text) : '', provenance: name.prov });
  }
  return tasks;
}

function readBudget(form: FormGrid) {
  const total = form.find(/预算总额/);
  const sources: Array<{ label: string; amount: number | null; provenance: Cell['prov'] }> = [];
  let basic: Cell | undefined;
  let project: Cell | undefined;
  let basicLabel: Cell | undefined;
  let projectLabel: Cell | undefined;
  const start = total?.row ?? 0;
  for (let r = start; r < form.table.nRows; r++) {
    for (const cell of form.rowCells(r)) {
      if (cell.row !== r) continue;
      const label = FormGrid.label(cell);
      const source = SOURCE_NAMES.exec(label);
      const value = valueCell(form, cell);
      if (source && value) sources.push({ label: source[1]!, amount: amountValue(value.text), provenance: value.prov });
      else if (/基本支出$/.test(label) && !basic) [basic, basicLabel] = [value, cell];
      else if (/项目支出$/.test(label) && !project) [project, projectLabel] = [value, cell];
    }
    if (form.find(/^一级指标$/, r, r + 1)) break;
  }
  // Seed 000 prints 部门整体预算总额 as a section heading; its figure is under 资金来源合计.
  const sum = form.find(/^资金来源合计$/);
  const fromTotal = total && valueCell(form, total);
  const totalCell = fromTotal ?? (sum && valueCell(form, sum));
  return {
    total: totalCell ? amountField(totalCell, fromTotal ? total : sum) : null,
    sources,
    basicExpenditure: amountField(basic, basicLabel),
    projectExpenditure: amountField(project, projectLabel),
  };
}

function titleOf(table: Table): string {
  return normalise(
    tableTexts(table).find((t) => TITLE.test(compact(t)) || PART_TITLE.test(compact(t))) ?? '部门整体支出绩效目标表',
  );
}

export const deptTargetRecogniser: Recogniser = {
  tableType: TYPE,
  schema: deptTargetRecordSchema,
  headerRows: indicatorHeaderRows,

  score(table: Table) {
    // A form printing its own title is typed by it, not by a heading above it (issue 11).
    const texts = (ownTitle(table) ? table.cells.filter((c) => c.row < 2).map((c) => c.text) : tableTexts(table))
      .map(compact)
      .join(' ');
    if (FORM_PARTS.test(texts)) return 0.9;
    if (/自评/.test(texts)) return 0;
    const cells = new FormGrid(table);
    const hasForm = Boolean(cells.find(/年度履职目标|部门[(（]?单位[)）]?名称/)) && Boolean(cells.find(/三级指标/));
    if (TITLE.test(texts)) return hasForm ? 0.95 : 0.7;
    return hasForm ? 0.6 : 0;
  },

  recognise(table: Table, ctx: RecogniseContext) {
    const form = new FormGrid(table);
    const name = form.find(/^部门[(（]?单位[)）]?名称$|^单位名称$/);
    const unitCell = form.find(/^填报单位/);
    const reportingUnit = unitCell
      ? {
          label: /^\*?(填报单位(?:[(（]盖章[)）])?)/.exec(normalise(unitCell.text))?.[1] ?? '填报单位',
          value: normalise(unitCell.text).replace(/^\*?填报单位(?:[(（]盖章[)）])?\s*[:：]\s*/, ''),
          provenance: unitCell.prov,
        }
      : null;
    const goal = form.find(/^(本年度总体绩效目标[(（])?年度履职目标[)）]?$/);
    const departmentName = name ? field(form.rightOf(name), name) : null;
    const base = baseFields(table, ctx, TYPE, titleOf(table), unitOf(table) ?? '万元');
    const { indicators, groupNotes, issues } = readIndicators(form);
    const department = departmentName?.value || reportingUnit?.value || base.department;
    return {
      record: {
        ...base,
        department,
        metaProvenance: {
          ...base.metaProvenance,
          ...(departmentName ? { department: departmentName.provenance } : {}),
        },
        departmentName,
        reportingUnit: reportingUnit && reportingUnit.value !== '' ? reportingUnit : null,
        annualGoal: goal ? field(form.rightOf(goal), goal) : null,
        tasks: readTasks(form),
        budget: readBudget(form),
        indicators,
        groupNotes,
        facts: readFacts(form),
        threePublic: readThreePublic(form),
        checkboxes: checkboxesIn(new FormView(table)),
      },
      issues: FORM_PARTS.test(tableTexts(table).map(compact).join(' '))
        ? issues.filter((i) => i.code !== 'perf.no_indicator_header')
        : issues,
    };
  },

  checks(record: RecognisedRecord): Check[] {
    // The record itself, not a parsed copy: the checks name the values they read by where they sit.
    const r = record as unknown as z.infer<typeof deptTargetRecordSchema>;
    const total = ref(r.budget.total, 'value');
    const checks = [
      sumCheck(
        `${TYPE}.sources_sum`,
        total,
        r.budget.sources.map((s) => ref(s, 'amount')),
        '部门预算总额 = Σ 资金来源',
      ),
      sumCheck(
        `${TYPE}.structure_sum`,
        total,
        [ref(r.budget.basicExpenditure, 'value'), ref(r.budget.projectExpenditure, 'value')],
        '部门预算总额 = 基本支出 + 项目支出',
      ),
    ];
    if (r.threePublic) {
      const { total: tp, items } = r.threePublic;
      checks.push(
        sumCheck(
          `${TYPE}.three_public_sum`,
          ref(tp, 'value'),
          items.map((i) => ref(i, 'amount')),
          '三公经费预算 合计 = Σ items',
        ),
      );
    }
    // Σ points of the 二级 groups = the points printed in their 一级 label (投入管理指标(50分) = 10 + 32 + 8).
    const groups = new Map<string, { points: number | null; level2: Map<string, number | null> }>();
    for (const ind of r.indicators) {
      const g = groups.get(ind.level1) ?? { points: ind.level1Points, level2: new Map() };
      g.level2.set(ind.level2, ind.level2Points);
      groups.set(ind.level1, g);
    }
    for (const [label, g] of groups) {
      const pts = [...g.level2.values()];
      if (g.points === null || pts.some((p) => p === null)) continue;
      checks.push(sumCheck(`${TYPE}.level1_points`, g.points, pts, `${label}: 一级指标分值 = Σ 二级指标分值`));
    }
    return defined(checks);
  },
};
