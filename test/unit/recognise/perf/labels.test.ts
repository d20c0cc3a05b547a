import { describe, expect, it } from 'vitest';
import { deptSelfevalRecogniser } from '../../../../src/recognise/perf/dept-selfeval.js';
import { deptTargetRecogniser } from '../../../../src/recognise/perf/dept-target.js';
import { projectSelfevalRecogniser } from '../../../../src/recognise/perf/project-selfeval.js';
import { projectTargetRecogniser } from '../../../../src/recognise/perf/project-target.js';
import { buildTable, run } from './build-table.js';
import { seed000BasicInfo } from './seed-000-grids.js';
import { CONTEXT_1, seed001, seed001Representatives, seed003Activities } from './seed-grids.js';

type Field = { label?: string; value: unknown } | null;
const labelOf = (r: Record<string, unknown>, ...keys: string[]) =>
  keys.map((k) => [k, (r[k] as Field)?.label, (r[k] as Field)?.value]);

/** Every header field keeps the label it is printed beside: `{ label, value, provenance }` (issue 11). */
describe('form fields carry their printed labels', () => {
  it('perf.project_target (seed 003)', () => {
    const r = run(projectTargetRecogniser, buildTable(seed003Activities(), CONTEXT_1));
    expect(
      labelOf(r, 'projectCode', 'projectName', 'budget', 'fiscalFunds', 'purpose').map(([k, l]) => [k, l]),
    ).toEqual([
      ['projectCode', '项目编码'],
      ['projectName', '项目名称'],
      ['budget', '预算数'],
      ['fiscalFunds', '其中:财政资金'],
      ['purpose', '预算规模及资金用途'],
    ]);
    // 单位编码 is read from the line above the table, which prints no label.
    expect((r.unitCode as Field)?.label).toBeUndefined();
  });

  it('perf.project_selfeval (seed 001)', () => {
    const r = run(projectSelfevalRecogniser, buildTable(seed001Representatives()));
    expect(
      labelOf(r, 'projectName', 'supervisor', 'implementer', 'plannedGoal', 'achievedGoal').map(([k, l]) => [k, l]),
    ).toEqual([
      ['projectName', '专项(项目)名称'],
      ['supervisor', '区级主管部门'],
      ['implementer', '实施单位'],
      ['plannedGoal', '年初设定目标'],
      ['achievedGoal', '全年实际完成情况'],
    ]);
  });

  it('perf.dept_selfeval (seed 001): inline `填报单位:…` and `自评得分：98分`', () => {
    const r = run(deptSelfevalRecogniser, buildTable(seed001()));
    expect(labelOf(r, 'reportingUnit', 'selfScore')).toEqual([
      ['reportingUnit', '填报单位', '咸阳市杨陵区人民代表大会常务委员会办公室'],
      ['selfScore', '自评得分', 98],
    ]);
  });

  it('perf.dept_target (seed 000)', () => {
    const r = run(deptTargetRecogniser, seed000BasicInfo());
    const facts = r.facts as Record<string, unknown>;
    expect(labelOf(r, 'departmentName').map(([, l]) => l)).toEqual(['部门(单位)名称']);
    expect(labelOf(facts, 'liaison', 'staffQuota').map(([, l, v]) => [l, v])).toEqual([
      ['预算绩效管理联络员', '李松'],
      ['人员编制数', 26],
    ]);
  });
});
