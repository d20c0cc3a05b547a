import { describe, expect, it } from 'vitest';
import { deptSelfevalRecogniser as rec } from '../../../../src/recognise/perf/dept-selfeval.js';
import { projectSelfevalRecogniser } from '../../../../src/recognise/perf/project-selfeval.js';
import type { PerfDeptSelfeval } from '../../../../schemas/perf-dept-selfeval.js';
import { normalise as n } from '../../../../src/recognise/values.js';
import { buildTable, contextFor, run } from './build-table.js';
import { seed001 } from './seed-grids.js';

describe('perf.dept_selfeval', () => {
  it('claims the 部门整体 form and leaves the 项目 form alone', () => {
    const t = buildTable(seed001());
    expect(rec.score(t, contextFor(t))).toBe(1);
    expect(projectSelfevalRecogniser.score(t, contextFor(t))).toBe(0);
  });

  it('reads the header, the summaries and the indicators across a repeated header', () => {
    const r = run(rec, buildTable(seed001())) as unknown as PerfDeptSelfeval;
    expect(r.title).toBe('部门整体支出绩效自评表');
    expect(r.year).toBe(2019);
    expect(r.kind).toBe('perf_selfeval');
    expect(r.reportingUnit?.value).toBe('咸阳市杨陵区人民代表大会常务委员会办公室');
    expect(r.department).toBe('咸阳市杨陵区人民代表大会常务委员会办公室');
    expect(r.selfScore?.value).toBe(98);
    expect(r.functions?.value).toMatch(/^保证宪法/);
    expect(r.spending?.value).toBe('2019年本部门支出合计531.84万元。');
    expect(r.keyTasks?.value).toMatch(/^召开年度人代会/);
    expect(r.remark?.value).toMatch(/^1\.“项目产出”/);
    expect(
      r.indicators.map((i) => [i.level1, i.level2, i.level2Points, i.level3, i.level3Points, i.points, i.score]),
    ).toEqual([
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
    expect(r.checks.find((c) => c.rule === 'perf.dept_selfeval.score_sum')).toMatchObject({
      expected: 98,
      actual: 98,
      ok: true,
    });
    expect(
      r.checks.filter((c) => c.rule === 'perf.dept_selfeval.level2_points_sum').map((c) => [c.expected, c.actual]),
    ).toEqual([
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
      {
        rule: 'perf.dept_selfeval.score_sum',
        expected: 98,
        actual: 48,
        ok: false,
        tolerance: 0.09,
        description: 'Σ 得分 = 自评得分',
      },
    ]);
    expect(r.status).toBe('partial');
    expect(r.indicators.map((i) => i.score)).toEqual([9, 4, 5, 5, 5, 5, 5, 5, 5]);
  });

  it('flags a 得分 above its 分值', () => {
    const r = run(rec, buildTable(seed001('45', '15'))) as unknown as PerfDeptSelfeval;
    expect(r.checks.filter((c) => !c.ok).map((c) => [c.rule, c.expected, c.actual])).toEqual([
      ['perf.dept_selfeval.score_le_points', 40, 45],
    ]);
  });

  it('takes 自评得分 from a 合计 row when the header does not print it', () => {
    const grid = seed001();
    grid[1] = [['填报单位:咸阳市杨陵区人民代表大会常务委员会办公室', 1, 12]];
    grid.splice(grid.length - 1, 0, [['合计', 1, 3], '100', ['', 1, 5], '98', ['', 1, 2]]);
    const r = run(rec, buildTable(grid)) as unknown as PerfDeptSelfeval;
    expect(r.selfScore?.value).toBe(98);
    expect(r.selfScore?.provenance.locator).toBe('t1/r16c9');
    expect(r.indicators).toHaveLength(9);
    expect(r.checks.find((c) => c.rule === 'perf.dept_selfeval.score_sum')).toMatchObject({
      expected: 98,
      actual: 98,
      ok: true,
    });
  });
});
