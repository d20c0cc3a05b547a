import { describe, expect, it } from 'vitest';
import { projectTargetRecogniser as rec } from '../../../../src/recognise/perf/project-target.js';
import { deptTargetRecogniser } from '../../../../src/recognise/perf/dept-target.js';
import { normalise as n } from '../../../../src/recognise/values.js';
import type { PerfProjectTarget } from '../../../../schemas/perf-project-target.js';
import { buildTable, contextFor, run } from './build-table.js';
import { CONTEXT_1, META_003, mofProjectTarget, seed003Activities, seed003Meetings } from './seed-grids.js';

describe('perf.project_target', () => {
  it('claims seed 003 tables; the 部门整体 recogniser does not', () => {
    const t = buildTable(seed003Activities(), CONTEXT_1);
    expect(rec.score(t, contextFor(t))).toBe(1);
    expect(deptTargetRecogniser.score(t, contextFor(t))).toBe(0);
  });

  it('reads 项目编码, amounts, 资金用途, spending plan, targets and indicators', () => {
    const t = buildTable(seed003Activities(), CONTEXT_1);
    const r = run(rec, t, contextFor(t, META_003)) as unknown as PerfProjectTarget;
    expect(r.title).toBe('代表活动经费绩效目标表');
    expect(r.unit).toBe('万元');
    expect(r.year).toBe(2020);
    expect(r.kind).toBe('perf_target');
    expect(r.department).toBe('抚宁区人大');
    expect(r.unitCode?.value).toBe('101002');
    expect(r.projectCode?.value).toBe('101-0701-JBN-FTBH');
    expect(r.projectName?.value).toBe('代表活动经费');
    expect([r.budget?.value, r.fiscalFunds?.value, r.otherFunds?.value]).toEqual([18.2, 18.2, null]);
    expect(r.purpose?.value).toBe(n('为人大代表履行宪法和法律赋予的职责，开展视察、调研、执法检查等活动提供保障。'));
    expect(r.spendingPlan.map((m) => [m.label, m.month, m.percent])).toEqual([
      ['3月底', 3, 25],
      ['6月底', 6, 50],
      ['10月底', 10, 75],
    ]);
    expect(r.goals.map((g) => g.value.slice(0, 6))).toEqual(['1、保证人大', '2、充分发挥']);
    expect(r.indicators).toHaveLength(7);
    expect(r.indicators.map((i) => i.level1)).toEqual([
      '产出指标',
      '产出指标',
      '产出指标',
      '产出指标',
      '产出指标',
      '产出指标',
      '效果指标',
    ]);
    expect(r.indicators[0]).toMatchObject({
      level2: '数量指标',
      level3: '视察调研督办',
      description: '年内开展代表视察调研督办数',
      value: { operator: '≥', value: 25, unit: '次', text: '≥25次' },
      basis: '年度工作计划',
    });
    expect(r.indicators[5]!.value).toEqual({ operator: '≤', value: null, unit: null, text: '≤预算控制数' });
    expect(r.checks.map((c) => [c.rule, c.ok])).toEqual([
      ['perf.project_target.budget_sum', true],
      ['perf.project_target.plan_non_decreasing', true],
      ['perf.project_target.plan_non_decreasing', true],
    ]);
    expect(r.issues.map((i) => i.code)).toEqual(['perf.label_carried_down']);
    expect(r.status).toBe('ok');
  });

  it('takes the region from the printed unit name when the document names none', () => {
    const t = buildTable(seed003Activities(), CONTEXT_1);
    const r = run(rec, t, contextFor(t, { ...META_003, region: {}, provenance: {} })) as unknown as PerfProjectTarget;
    expect(r.region).toEqual({ province: '河北省', city: '秦皇岛市', county: '抚宁区' });
    expect(r.metaProvenance.region).toEqual(t.prov);
  });

  it('finds 12月底 printed in rows of its own and splits numbered targets in one cell', () => {
    const r = run(
      rec,
      buildTable(seed003Meetings(), ['2、会议费绩效目标表', '101002 抚宁区人大', '单位：万元']),
    ) as unknown as PerfProjectTarget;
    expect(r.spendingPlan.map((m) => [m.label, m.percent])).toEqual([
      ['3月底', 25],
      ['6月底', 50],
      ['10月底', 75],
      ['12月底', 100],
    ]);
    expect(r.goals).toHaveLength(2);
    expect(r.goals[1]!.value).toMatch(/^2、讨论/);
    expect(r.indicators).toHaveLength(8);
    expect(r.indicators[3]!.value).toEqual({ operator: null, value: null, unit: null, text: '按要求召开' });
    expect(r.indicators.map((i) => i.level1).slice(5)).toEqual(['产出指标', '效果指标', '满意度指标']);
    expect(r.checks.find((c) => c.rule === 'perf.project_target.plan_ends_at_100')).toMatchObject({
      expected: 100,
      actual: 100,
      ok: true,
    });
    expect(r.issues).toEqual([]);
  });

  it('flags a plan that falls or stops short of 100, and a 预算数 that is not its parts', () => {
    const short = run(rec, buildTable(seed003Meetings('70.00'))) as unknown as PerfProjectTarget;
    expect(short.checks.filter((c) => !c.ok).map((c) => [c.rule, c.expected, c.actual])).toEqual([
      ['perf.project_target.plan_non_decreasing', 75, 70],
      ['perf.project_target.plan_ends_at_100', 100, 70],
    ]);
    expect(short.status).toBe('partial');
    const sum = run(rec, buildTable(seed003Activities('17.20'))) as unknown as PerfProjectTarget;
    expect(sum.checks.filter((c) => !c.ok).map((c) => [c.rule, c.expected, c.actual])).toEqual([
      ['perf.project_target.budget_sum', 18.2, 17.2],
    ]);
  });

  it('reads the 财政部 template: 年度资金总额 / 财政拨款, 主管部门, 实施单位, 年度绩效目标', () => {
    const t = buildTable(mofProjectTarget());
    expect(rec.score(t, contextFor(t))).toBeGreaterThanOrEqual(0.8);
    const r = run(rec, t) as unknown as PerfProjectTarget;
    expect([r.title, r.year, r.department]).toEqual(['项目支出绩效目标表', 2022, '某某公路管理站']);
    expect([r.projectName?.value, r.supervisor?.value, r.implementer?.value]).toEqual([
      '道路养护',
      '某某交通运输局',
      '某某公路管理站',
    ]);
    expect([r.budget?.value, r.fiscalFunds?.value, r.otherFunds?.value]).toEqual([100, 80, 20]);
    expect(r.goals.map((g) => g.value)).toEqual(['1、完成道路养护100公里。', '2、路况优良率达到95%。']);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.value?.text])).toEqual([
      ['产出指标', '数量指标', '养护里程', '≥100公里'],
      ['产出指标', '质量指标', '路况优良率', '≥95%'],
      ['效益指标', '社会效益指标', '通行条件', '明显改善'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
    ]);
    expect(r.checks.map((c) => [c.rule, c.ok])).toEqual([['perf.project_target.budget_sum', true]]);
    const bad = run(rec, buildTable(mofProjectTarget('70'))) as unknown as PerfProjectTarget;
    expect(bad.checks.map((c) => [c.rule, c.expected, c.actual, c.ok])).toEqual([
      ['perf.project_target.budget_sum', 100, 90, false],
    ]);
  });
});
