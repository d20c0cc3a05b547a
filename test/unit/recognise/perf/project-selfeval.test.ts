import { describe, expect, it } from 'vitest';
import { projectSelfevalRecogniser as rec } from '../../../../src/recognise/perf/project-selfeval.js';
import type { PerfProjectSelfeval } from '../../../../schemas/perf-project-selfeval.js';
import { normalise as n } from '../../../../src/recognise/values.js';
import type { Spec } from './build-table.js';
import { buildTable, contextFor, run } from './build-table.js';
import { mofProjectSelfeval, seed001OtherAffairs, seed001Representatives, UNIT } from './seed-grids.js';

describe('perf.project_selfeval', () => {
  it('claims the seed-001 form and not a 部门整体 one', () => {
    const t = buildTable(seed001Representatives());
    expect(rec.score(t, contextFor(t))).toBeGreaterThanOrEqual(0.8);
    const dept = buildTable([[['部门整体支出绩效自评表', 1, 3]], ['一级指标', '二级指标', '三级指标']]);
    expect(rec.score(dept, contextFor(dept))).toBe(0);
  });

  it('reads header fields, funding lines and indicators with 一级 carried down from merged cells', () => {
    const r = run(rec, buildTable(seed001Representatives())) as unknown as PerfProjectSelfeval;
    expect(r.title).toBe(n('区级预算（项目）绩效目标自评表'));
    expect(r.year).toBe(2019);
    expect(r.unit).toBe('万元');
    expect(r.kind).toBe('perf_selfeval');
    expect(r.department).toBe(UNIT);
    expect(r.projectName?.value).toBe('代表工作');
    expect(r.supervisor?.value).toBe(UNIT);
    expect(r.plannedGoal?.value).toBe('组织代表积极参与人大各项活动和培训');
    expect(r.achievedGoal?.value).toBe(n('组织代表参与了市、区人大组织的各类活动和培训'));
    expect(r.remark?.value).toBe('无');
    expect(r.rows.map((l) => [l.name, l.values.budget, l.values.executed, l.values.rate])).toEqual([
      ['年度资金总额', 23.3, 15.14, 64.98],
      [n('其中：区级财政资金'), 23.3, 15.14, 64.98],
      ['其他资金', null, null, null],
    ]);
    // 生态效益指标 and …… print no 三级指标: template placeholders, not indicators.
    expect(r.indicators).toHaveLength(8);
    expect(r.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
      ['产出指标', '时效指标'],
      ['产出指标', '成本指标'],
      ['效益指标', '经济效益指标'],
      ['效益指标', '社会效益指标'],
      ['效益指标', '可持续影响指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
    const first = r.indicators[0]!;
    expect(first.target).toEqual({ operator: null, value: null, unit: null, text: '代表参与活动情况' });
    expect(first.actual).toEqual({ operator: null, value: 80, unit: '%', text: '80%' });
    expect(first.reason).toBe(n('组织代表培训较少，以后加强代表培训力度。'));
    expect(first.cells.level1?.locator).toBe('t1/r11c1');
    expect(r.indicators[3]!.cells.level1?.locator).toBe('t1/r11c1');
    expect(r.checks.map((c) => [c.rule, c.ok])).toEqual([
      ['perf.project_selfeval.rate_eq_b_over_a', true],
      ['perf.project_selfeval.rate_eq_b_over_a', true],
      ['perf.project_selfeval.funding_total_budget', true],
      ['perf.project_selfeval.funding_total_executed', true],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('ok');
  });

  it('carries 一级 labels down where the merge was lost (blank cells)', () => {
    const r = run(rec, buildTable(seed001Representatives('64.98', false))) as unknown as PerfProjectSelfeval;
    expect(r.indicators.map((i) => i.level1)).toEqual([
      '产出指标',
      '产出指标',
      '产出指标',
      '产出指标',
      '效益指标',
      '效益指标',
      '效益指标',
      '满意度指标',
    ]);
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([
      ['perf.label_carried_down', '5 indicator rows took their 一级/二级 label from the row above (blank cell)'],
    ]);
  });

  it('carries a 二级 label merged over two 三级 rows', () => {
    const r = run(rec, buildTable(seed001OtherAffairs())) as unknown as PerfProjectSelfeval;
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual([
      ['产出指标', '数量指标', '做好各类后勤维修保障工作'],
      ['产出指标', '数量指标', '按时发放临聘人员工资'],
      ['产出指标', '质量指标', '按照要求完成各项维修工作'],
      ['产出指标', '时效指标', '做好各类后勤维修保障工作'],
      ['产出指标', '成本指标', n('严控成本，按照规定实施项目')],
      ['满意度指标', '服务对象满意度指标', '机关干部满意'],
    ]);
    expect(r.indicators[1]!.cells.level2).toEqual(r.indicators[0]!.cells.level2);
    expect(r.issues).toEqual([]);
  });

  it('flags a 执行率 that is not B/A and keeps the data', () => {
    const r = run(rec, buildTable(seed001Representatives('100'))) as unknown as PerfProjectSelfeval;
    const rate = r.checks.find((c) => c.rule === 'perf.project_selfeval.rate_eq_b_over_a')!;
    expect(rate).toMatchObject({ ok: false, actual: 100, expected: 64.9785 });
    expect(r.status).toBe('partial');
    expect(r.indicators).toHaveLength(8);
  });

  it('checks Σ 得分 = 总分 and 得分 ≤ 分值 where the region scores the form', () => {
    const scored = (s2: string): Spec[][] => [
      [['项目支出绩效自评表', 1, 7]],
      [
        ['项目名称', 1, 2],
        ['会议费', 1, 5],
      ],
      [['项目资金（万元）', 2, 1], '', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', '15', '15', '10', '100%', '10'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值', '分值', '得分'],
      [['产出指标', 2, 1], '数量指标', '会议次数', '≥18次', '18次', '50', '50'],
      ['质量指标', '完成率', '≥95%', '96%', '30', s2],
      ['满意度指标', '满意度', '满意度', '≥95%', '95%', '10', '9'],
      [['总分', 1, 5], '100', '99'],
    ];
    const ok = run(rec, buildTable(scored('30'))) as unknown as PerfProjectSelfeval;
    expect(ok.totalPoints?.value).toBe(100);
    expect(ok.totalScore?.value).toBe(99);
    expect(ok.indicators.map((i) => [i.level1, i.points, i.score])).toEqual([
      ['产出指标', 50, 50],
      ['产出指标', 30, 30],
      ['满意度指标', 10, 9],
    ]);
    expect(ok.checks.find((c) => c.rule.endsWith('.score_sum'))).toMatchObject({ expected: 99, actual: 99, ok: true });
    expect(ok.checks.find((c) => c.rule.endsWith('.points_sum'))).toMatchObject({
      expected: 100,
      actual: 100,
      ok: true,
    });
    expect(ok.status).toBe('ok');

    const bad = run(rec, buildTable(scored('35'))) as unknown as PerfProjectSelfeval;
    expect(bad.checks.filter((c) => !c.ok).map((c) => c.rule)).toEqual([
      'perf.project_selfeval.score_sum',
      'perf.project_selfeval.score_le_points',
    ]);
    expect(bad.status).toBe('partial');
  });

  it('reads the 财政部 template: 年初预算数, scored 资金 line, `—` as not scored, 总分 row', () => {
    const r = run(rec, buildTable(mofProjectSelfeval())) as unknown as PerfProjectSelfeval;
    expect(r.year).toBe(2021);
    expect(r.department).toBe('某某公路管理站');
    expect(
      r.rows.map((l) => [
        l.name,
        l.values.initialBudget,
        l.values.budget,
        l.values.executed,
        l.values.points,
        l.values.rate,
        l.values.score,
      ]),
    ).toEqual([
      ['年度资金总额', 100, 100, 90, 10, 90, 9],
      [n('其中：当年财政拨款'), 80, 80, 72, null, null, null],
      ['上年结转资金', 20, 20, 18, null, null, null],
      ['其他资金', null, null, null, null, null, null],
    ]);
    expect([r.plannedGoal?.value, r.achievedGoal?.value]).toEqual(['完成道路养护100公里', '完成道路养护90公里']);
    expect([r.totalPoints?.value, r.totalScore?.value]).toEqual([100, 94]);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.points, i.score])).toEqual([
      ['产出指标', '数量指标', '养护里程', 50, 45],
      ['产出指标', '质量指标', '养护合格率', 20, 20],
      ['效益指标', '社会效益指标', '通行条件改善', 10, 10],
      ['满意度指标', '服务对象满意度指标', '群众满意度', 10, 10],
    ]);
    expect(r.indicators[0]!.reason).toBe('汛期推迟施工');
    expect(r.checks.map((c) => [c.rule, c.expected, c.actual, c.ok])).toEqual([
      ['perf.project_selfeval.rate_eq_b_over_a', 90, 90, true],
      ['perf.project_selfeval.funding_total_budget', 100, 100, true],
      ['perf.project_selfeval.funding_total_executed', 90, 90, true],
      ['perf.project_selfeval.score_sum', 94, 94, true],
      ['perf.project_selfeval.score_le_points', 50, 45, true],
      ['perf.project_selfeval.score_le_points', 20, 20, true],
      ['perf.project_selfeval.score_le_points', 10, 10, true],
      ['perf.project_selfeval.score_le_points', 10, 10, true],
      ['perf.project_selfeval.score_le_points', 10, 9, true],
      ['perf.project_selfeval.points_sum', 100, 100, true],
    ]);
    const bad = run(rec, buildTable(mofProjectSelfeval('50'))) as unknown as PerfProjectSelfeval;
    expect(bad.checks.filter((c) => !c.ok).map((c) => [c.rule, c.expected, c.actual])).toEqual([
      ['perf.project_selfeval.score_sum', 94, 99],
    ]);
  });
});
