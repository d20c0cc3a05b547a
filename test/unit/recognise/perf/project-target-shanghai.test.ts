import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../../src/model/document.js';
import { perfRecognisers } from '../../../../src/recognise/perf/index.js';
import { projectTargetRecogniser as rec } from '../../../../src/recognise/perf/project-target.js';
import { parseOperatorValue } from '../../../../src/recognise/values.js';
import { validateRecord } from '../../../../src/validate/validate-record.js';
import type { PerfProjectTarget } from '../../../../schemas/perf-project-target.js';
import { buildTable, contextFor, run } from './build-table.js';
import { SHANGHAI_TITLE, shanghaiForm } from './shanghai-grids.js';

const CONTEXT = [SHANGHAI_TITLE, '（2025年度）'];
const read = (t = buildTable(shanghaiForm(), CONTEXT)) => run(rec, t) as unknown as PerfProjectTarget;
/** As the registry validates a record: checks with the values they cover, 尾差 by printed decimals. */
function validated(t = buildTable(shanghaiForm(), CONTEXT)): PerfProjectTarget {
  const { record, issues } = rec.recognise(t, contextFor(t));
  return validateRecord(rec, {
    ...record,
    issues: [...(record.issues as Issue[]), ...issues],
  }) as unknown as PerfProjectTarget;
}

describe('perf.project_target: Shanghai 财政项目支出绩效目标填报表 (docs/domain.md §3.6)', () => {
  it("is claimed by perf.project_target alone (no other reaches the registry's 0.3)", () => {
    const t = buildTable(shanghaiForm(), CONTEXT);
    const scores = perfRecognisers.map((r) => [r.tableType, r.score(t, contextFor(t))] as const);
    expect(scores.filter(([, s]) => s >= 0.3)).toEqual([['perf.project_target', 1]]);
  });

  it('reads every header field with the label it is printed beside', () => {
    const r = read();
    expect([r.title, r.year, r.unit, r.printedDecimals, r.kind]).toEqual([
      SHANGHAI_TITLE,
      2025,
      '元',
      2,
      'perf_target',
    ]);
    const fields = {
      projectName: r.projectName,
      nature: r.nature,
      category: r.category,
      supervisor: r.supervisor,
      implementer: r.implementer,
      startDate: r.startDate,
      endDate: r.endDate,
    };
    expect(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, [f?.label, f?.value]]))).toEqual({
      projectName: ['项目名称', '道路绿化日常养护'],
      nature: ['项目性质', '经常性项目'],
      category: ['项目类别', '专项业务类'],
      supervisor: ['主管部门', '上海市虹口区绿化和市容管理局'],
      implementer: ['实施单位', '上海市虹口区绿化管理中心'],
      startDate: ['计划开始日期', '2025-01-01'],
      endDate: ['计划完成日期', '2025-12-31'],
    });
    expect(r.projectName?.provenance.locator).toBe('t1/r0c1');
    expect(r.department).toBe('上海市虹口区绿化管理中心');
    expect([r.overallGoal?.label, r.annualGoal?.label, r.annualGoal?.value]).toEqual([
      '项目总目标',
      '年度总体目标',
      '2025年完成13459平方米道路绿地的日常养护。',
    ]);
    // The seed-003 fields stay empty: the form's figures are in its own two halves.
    expect([r.budget, r.fiscalFunds, r.otherFunds, r.goals]).toEqual([null, null, null, []]);
  });

  it('reads both halves of 项目资金（元）, the two 其他资金 by their half, and checks both identities', () => {
    const r = validated();
    const pairs = (o: object | null | undefined) => Object.entries(o ?? {}).map(([k, f]) => [k, f?.label, f?.value]);
    expect(pairs(r.projectFunds)).toEqual([
      ['total', '项目资金总额', 1286400],
      ['fiscal', '其中:财政资金', 1186400],
      ['other', '其他资金', 100000],
    ]);
    expect(pairs(r.annualFunds)).toEqual([
      ['total', '年度资金申请总额', 1286400],
      ['appropriation', '其中:当年财政拨款', 1086400],
      ['carryover', '上年结转资金', 150000],
      ['other', '其他资金', 50000],
    ]);
    expect(r.checks.map((c) => [c.rule, c.expected, c.actual, c.ok, c.covers])).toEqual([
      [
        'perf.project_target.project_funds_sum',
        1286400,
        1286400,
        true,
        ['projectFunds.total.value', 'projectFunds.fiscal.value', 'projectFunds.other.value'],
      ],
      [
        'perf.project_target.annual_funds_sum',
        1286400,
        1286400,
        true,
        [
          'annualFunds.total.value',
          'annualFunds.appropriation.value',
          'annualFunds.carryover.value',
          'annualFunds.other.value',
        ],
      ],
    ]);
    expect(r.status).toBe('ok');
    expect(r.issues).toEqual([]);
  });

  it('reads each 年度指标值 as operator, number and the unit in parentheses, or as a word', () => {
    const r = read();
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.value])).toEqual([
      [
        '产出指标',
        '数量指标',
        '道路绿地养护面积',
        { operator: '≥', value: 13459, unit: '平方米', text: '≥13459.00(平方米)' },
      ],
      ['产出指标', '质量指标', '养护作业按时完成率', { operator: '=', value: 100, unit: '%', text: '=100.00(%)' }],
      ['产出指标', '成本指标', '养护监理费用', { operator: '≤', value: 20, unit: '万元', text: '≤20.00(万元)' }],
      ['效益指标', '可持续影响指标', '资金使用管理', { operator: null, value: null, unit: null, text: '合规' }],
    ]);
    expect(parseOperatorValue('≥ 1,862.00 （株）')).toEqual({
      operator: '≥',
      value: 1862,
      unit: '株',
      text: '≥ 1,862.00 (株)',
    });
    expect(parseOperatorValue('≤245.00(元/平方米)').unit).toBe('元/平方米');
  });

  it('fails the identity a misprinted total breaks, and leaves a blank 其他资金 blank, not the label beside it', () => {
    const r = read(
      buildTable(
        shanghaiForm({ annualTotal: '1,268,400.00', projectOther: '', projectTotal: '1,186,400.00' }),
        CONTEXT,
      ),
    );
    expect(r.projectFunds?.other).toMatchObject({ label: '其他资金', value: null });
    expect(r.checks.filter((c) => !c.ok).map((c) => [c.rule, c.expected, c.actual])).toEqual([
      ['perf.project_target.annual_funds_sum', 1268400, 1286400],
    ]);
    expect(r.checks.find((c) => c.rule === 'perf.project_target.project_funds_sum')?.ok).toBe(true);
    expect(r.status).toBe('partial');
  });

  it('takes 尾差 from the printed amounts: 1 元 per addend on a form printed in whole 元', () => {
    const whole = shanghaiForm({ annualTotal: '1,286,401.00' }).map((row) =>
      row.map((s): (typeof row)[number] =>
        typeof s === 'string' ? s.replace(/\.00$/, '') : [s[0].replace(/\.00$/, ''), s[1], s[2]],
      ),
    );
    const r = validated(buildTable(whole, CONTEXT));
    expect(r.printedDecimals).toBe(0);
    expect(r.checks.find((c) => c.rule === 'perf.project_target.annual_funds_sum')).toMatchObject({
      expected: 1286401,
      actual: 1286400,
      tolerance: 3,
      ok: true,
      rounding: true,
    });
    expect(r.status).toBe('ok');
  });
});
