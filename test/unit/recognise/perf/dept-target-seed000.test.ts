import { describe, expect, it } from 'vitest';
import type { Table } from '../../../../src/model/document.js';
import { perfRecognisers } from '../../../../src/recognise/perf/index.js';
import { deptTargetRecogniser as rec } from '../../../../src/recognise/perf/dept-target.js';
import { parseOperatorValue } from '../../../../src/recognise/values.js';
import type { DeptTargetRecord } from '../../../../schemas/perf-dept-target.js';
import { contextFor, META, run } from './build-table.js';
import { seed000BasicInfo, seed000Indicators, seed000Review, seed000Tasks } from './seed-000-grids.js';

const META_000 = {
  ...META,
  region: { province: '贵州省', county: '凯里市' },
  department: null,
  year: 2021,
  kind: 'perf_target' as const,
};
const recognise = (t: Table) => run(rec, t, contextFor(t, META_000)) as unknown as DeptTargetRecord;

describe('perf.dept_target on seed 000 (绩申表-1..4, one record each)', () => {
  it('claims all four parts of the form, and no other 绩效 recogniser does', () => {
    for (const t of [seed000BasicInfo(), seed000Tasks(), seed000Indicators(), seed000Review()]) {
      const scores = perfRecognisers
        .map((r) => [r.tableType, r.score(t, contextFor(t))] as const)
        .sort((a, b) => b[1] - a[1]);
      expect(scores[0]).toEqual(['perf.dept_target', 0.9]);
      expect(scores[1]![1]).toBe(0);
    }
  });

  it('绩申表-1: basic facts, budget read below its labels, 三公 block, and their identities', () => {
    const r = recognise(seed000BasicInfo());
    expect(r.department).toBe('凯里市人大常委会办公室');
    expect(r.budget.total?.value).toBe(754.38);
    expect(r.budget.sources.map((s) => [s.label, s.amount])).toEqual([
      ['公共财政拨款', 754.38],
      ['政府性基金拨款', null],
      ['非税收入拨款', null],
      ['其他拨款', null],
    ]);
    expect([r.budget.basicExpenditure?.value, r.budget.projectExpenditure?.value]).toEqual([754.38, null]);
    expect(r.facts).toMatchObject({
      liaison: { value: '李松' },
      phone: { value: '8062249' },
      staffQuota: { value: 26 },
      staffActual: { value: 35 },
      vehicleQuota: { value: 5 },
      vehicleActual: { value: 5 },
    });
    expect(r.facts?.functions?.value).toMatch(/^1、负责市人民代表大会会议/);
    expect(r.facts?.lastYear?.value).toMatch(/^2020年我单位财政拨款收入852.40万元/);
    expect(r.threePublic?.total?.value).toBe(25);
    expect(r.threePublic?.items.map((i) => [i.label, i.amount])).toEqual([
      ['公务用车运行和购置费', 15],
      ['因公出国(境)费', null],
      ['公务接待费', 10],
    ]);
    expect(r.checks.map((c) => [c.rule, c.expected, c.actual, c.ok])).toEqual([
      ['perf.dept_target.sources_sum', 754.38, 754.38, true],
      ['perf.dept_target.structure_sum', 754.38, 754.38, true],
      ['perf.dept_target.three_public_sum', 25, 25, true],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('ok');
  });

  it('绩申表-2: 年度履职目标, 中长期战略目标 and the 目标1..7 tasks', () => {
    const r = recognise(seed000Tasks());
    expect(r.annualGoal?.value).toMatch(/^1\.组织召开市人大代表六次会议/);
    expect(r.facts?.strategy?.value).toMatch(/^\(一\)突出监督重点/);
    expect(r.tasks.map((t) => t.name)).toEqual(['目标1', '目标2', '目标3', '目标4', '目标5', '目标6', '目标7']);
    expect(r.tasks[6]!.content).toBe('完成《凯里人大》刊物发行4期');
  });

  it('绩申表-3: 23 indicators with 一级/二级 from merged cells, 指标内容, operator values', () => {
    const r = recognise(seed000Indicators());
    expect(r.indicators).toHaveLength(23);
    expect(r.indicators.filter((i) => i.level1 === '投入管理指标')).toHaveLength(9);
    expect(r.indicators.filter((i) => i.level1 === '产出指标')).toHaveLength(13);
    expect(r.indicators[1]).toMatchObject({
      level2: '预算管理',
      level3: '预算调整率',
      value: { operator: '≤', value: 10, unit: '%' },
    });
    expect(r.indicators[0]!.description).toMatch(/^单位本年度预算完成数与年初预算数的比率/);
    expect(r.indicators.find((i) => i.level3 === '公共财政拨款支出')!.value).toMatchObject({
      operator: '≤',
      value: 754.38,
      unit: '万元',
    });
    expect(r.indicators[22]).toMatchObject({
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      level3: '代表满意率',
    });
    expect(r.facts?.otherNotes).toBeNull();
    expect(r.issues).toEqual([]);
  });

  it('绩申表-4: the option boxes as printed, none marked', () => {
    const r = recognise(seed000Review());
    expect(r.checkboxes?.map((c) => c.text)).toEqual([
      '单位(部门)自评□',
      '财政部门□',
      '优秀□',
      '良好□',
      '合格□',
      '不合格□',
    ]);
    expect(r.checkboxes?.every((c) => c.checked.length === 0)).toBe(true);
    expect(r.facts?.phone).toBeNull();
  });

  it('reads ≦ and ≧ (seed 000 prints ≦10%) as ≤ and ≥', () => {
    expect(parseOperatorValue('≦10%　')).toEqual({ operator: '≤', value: 10, unit: '%', text: '≦10%' });
    expect(parseOperatorValue('≧95%')).toMatchObject({ operator: '≥', value: 95 });
  });
});
