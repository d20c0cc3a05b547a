import { describe, expect, it } from 'vitest';
import { deptSelfevalRecogniser as rec } from '../../../../src/recognise/perf/dept-selfeval.js';
import { projectSelfevalRecogniser } from '../../../../src/recognise/perf/project-selfeval.js';
import { normalise as n } from '../../../../src/recognise/values.js';
import type { PerfDeptSelfeval } from '../../../../schemas/perf-dept-selfeval.js';
import { buildTable, contextFor, run, type Spec } from './build-table.js';

const HEADER: Spec[] = [
  '一级\n指标', '二级\n指标', '三级指标', '分值', '指标说明', '评分标准', '指标值计算公式和数据获取方式',
  '年初目标值', '实际完成值', '得分', '未完成原因分析与改进措施', '绩效指标分析与建议',
];

/**
 * Seed 001's 部门整体支出绩效自评表 as its workbook (oleObject4.bin) lays it out: 12 columns,
 * 一级/二级 merged down, the header repeated after each printed page with 一级/二级 printed again.
 * `output` / `benefit` are the 得分 of 项目产出 / 项目效益: 40 / 20 in the workbook, 5 / 5 in the
 * stale EMF preview (image11.emf).
 */
function seed001(output = '40', benefit = '20'): Spec[][] {
  return [
    [['部门整体支出绩效自评表\n（2019年度）', 1, 12]],
    [['填报单位:咸阳市杨陵区人民代表大会常务委员会办公室', 1, 9], ['自评得分：98分', 1, 3]],
    [['（一）简要概述部门职能与职责。', 1, 3], ['保证宪法、法律、行政法规、地方性法规……在本区的贯彻和执行。', 1, 9]],
    [['（二）简要概述部门支出情况，按活动内容分类。', 1, 3], ['2019年本部门支出合计531.84万元。', 1, 9]],
    [['（三）简要概述当年区委区政府下达的重点工作。', 1, 3], ['召开年度人代会、组织代表参与各类视察、执法检查活动，参与人大决策提出建议。', 1, 9]],
    HEADER,
    [['投入', 2, 1], ['预算执行（25分）', 2, 1], '预算\n完成率\n（10分）', '10', '预算完成率=（预算完成数/预算数）×100%', '预算完成率＝100%的，得10分。', '2019年决算数据', '100%', '95%', '9', '原因是：代表培训及参与各项人大活动未按计划完全实施。', '按照预算积极组织代表参与活动，按照要求达到指标值。'],
    ['预算调整率\n（5分）', '5', '预算调整率=（预算调整数/预算数）×100%', '预算调整率绝对值≤5%，得5分。', '2019年决算数据', '0', '125%', '4', '原因是：单位人员增加，工资福利各项支出加大。', '组织培训学习，提高预算编制精准度。'],
    HEADER,
    [['投入', 2, 1], ['预算执行（25分）', 2, 1], '支出进度率\n（5分）', '5', '支出进度率=（实际支出/支出预算）×100%', '半年进度：进度率≥45%，得2分', '2019年决算数据', '半年进度率50%，三季度季度率75%', '半年进度率50%，三季度季度率75%', '5', '', ''],
    ['预算编制准确率（5分）', '5', '部门预算中除财政拨款外的其他收入预算与决算差异率。', '预算编制准确率≤20%，得5分。', '', '100%', '100%', '5', '其他收入为不可预见收入，未列入预算，以后要重视其他收入的估计。', ''],
    [['过程', 3, 1], ['预算管理（15分）', 3, 1], '“三公经费”控制率\n（5分）', '5', '“三公经费”控制率=…×100%', '三公经费控制率 ≤100%，得5分', '', '100%', '100%', '5', '', ''],
    ['资产管理规范性\n（5分）', '5', '部门（单位）资产管理是否规范', '全部符合5分，有1项不符扣2分,扣完为止。', '', '全部符合', '全部符合', '5', '', ''],
    ['资金使用合规性\n（5分）', '5', '部门（单位）使用预算资金是否符合相关的预算财务管理制度的规定', '全部符合5分,有1项不符扣2分。', '', '100%', '100%', '5', '', ''],
    [['效果', 2, 1], ['履职尽责（60分）', 2, 1], '项目产出\n（40分）', '40', '', ['1.若为定性指标，根据“三档”原则分别按照指标分值的100-80%（含）、80-50%（含）、50-10%来记分；', 2, 1], '', '100%', '100%', output, '', ''],
    ['项目效益\n（20分）', '20', '', '', '100%', '100%', benefit, '', ''],
    [['备注：\n1.“项目产出”和“项目效果”直接细化成部门年初绩效目标中的指标，并根据重要程度赋权。', 1, 12]],
  ];
}

describe('perf.dept_selfeval', () => {
  it('claims the 部门整体 form and leaves the 项目 form alone', () => {
    const t = buildTable(seed001());
    expect(rec.score(t, contextFor(t))).toBe(1);
    expect(projectSelfevalRecogniser.score(t, contextFor(t))).toBe(0);
  });

  it('reads the header, the summaries and the indicators across a repeated header', () => {
    const r = run(rec, buildTable(seed001())) as unknown as PerfDeptSelfeval;
    expect(r.title).toBe(n('部门整体支出绩效自评表 （2019年度）').replace(' ', ''));
    expect(r.year).toBe(2019);
    expect(r.kind).toBe('perf_selfeval');
    expect(r.reportingUnit?.value).toBe('咸阳市杨陵区人民代表大会常务委员会办公室');
    expect(r.department).toBe('咸阳市杨陵区人民代表大会常务委员会办公室');
    expect(r.selfScore?.value).toBe(98);
    expect(r.functions?.value).toMatch(/^保证宪法/);
    expect(r.spending?.value).toBe('2019年本部门支出合计531.84万元。');
    expect(r.keyTasks?.value).toMatch(/^召开年度人代会/);
    expect(r.remark?.value).toMatch(/^1\.“项目产出”/);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level2Points, i.level3, i.level3Points, i.points, i.score])).toEqual([
      ['投入', '预算执行', 25, '预算完成率', 10, 10, 9],
      ['投入', '预算执行', 25, '预算调整率', 5, 5, 4],
      ['投入', '预算执行', 25, '支出进度率', 5, 5, 5],
      ['投入', '预算执行', 25, '预算编制准确率', 5, 5, 5],
      ['过程', '预算管理', 15, n('“三公经费”控制率'), 5, 5, 5],
      ['过程', '预算管理', 15, '资产管理规范性', 5, 5, 5],
      ['过程', '预算管理', 15, '资金使用合规性', 5, 5, 5],
      ['效果', '履职尽责', 60, '项目产出', 40, 40, 40],
      ['效果', '履职尽责', 60, '项目效益', 20, 20, 20],
    ]);
    const first = r.indicators[0]!;
    expect(first.target).toEqual({ operator: null, value: 100, unit: '%', text: '100%' });
    expect(first.actual?.value).toBe(95);
    expect(first.formula).toBe('2019年决算数据');
    expect(first.reason).toBe(n('原因是：代表培训及参与各项人大活动未按计划完全实施。'));
    // The 评分标准 of 项目产出 is merged over 项目效益's row too: the text applies to both.
    expect(r.indicators[8]!.scoring).toBe(r.indicators[7]!.scoring);
  });

  it('passes every identity on the workbook figures (Σ 得分 = 98)', () => {
    const r = run(rec, buildTable(seed001())) as unknown as PerfDeptSelfeval;
    expect(r.checks.find((c) => c.rule === 'perf.dept_selfeval.score_sum')).toMatchObject({ expected: 98, actual: 98, ok: true });
    expect(r.checks.filter((c) => c.rule === 'perf.dept_selfeval.level2_points_sum').map((c) => [c.expected, c.actual])).toEqual([
      [25, 25],
      [15, 15],
      [60, 60],
    ]);
    expect(r.checks.filter((c) => c.rule === 'perf.dept_selfeval.score_le_points')).toHaveLength(9);
    expect(r.checks.filter((c) => c.rule === 'perf.dept_selfeval.level3_points_eq_points')).toHaveLength(9);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.status).toBe('ok');
  });

  it('flags the stale EMF preview figures (项目产出 5, 项目效益 5: Σ 得分 48 ≠ 98) and keeps them', () => {
    const r = run(rec, buildTable(seed001('5', '5'))) as unknown as PerfDeptSelfeval;
    expect(r.checks.filter((c) => !c.ok)).toEqual([
      { rule: 'perf.dept_selfeval.score_sum', expected: 98, actual: 48, ok: false, tolerance: 0.09, description: 'Σ 得分 = 自评得分' },
    ]);
    expect(r.status).toBe('partial');
    expect(r.indicators.map((i) => i.score)).toEqual([9, 4, 5, 5, 5, 5, 5, 5, 5]);
  });

  it('flags a 得分 above its 分值', () => {
    const r = run(rec, buildTable(seed001('45', '15'))) as unknown as PerfDeptSelfeval;
    expect(r.checks.filter((c) => !c.ok).map((c) => [c.rule, c.expected, c.actual])).toEqual([['perf.dept_selfeval.score_le_points', 40, 45]]);
  });
});
