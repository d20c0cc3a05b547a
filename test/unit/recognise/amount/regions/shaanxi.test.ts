import { describe, expect, it } from 'vitest';
import { runBest } from '../run.js';
import { gridTable } from '../fixture.js';
import { keyWithout } from './helpers.js';

/** regions/shaanxi.ts: seed 001 (杨陵区人大常委会办公室 2019 决算), 公开01–08表. */
describe('Shaanxi 决算 variants', () => {
  it('reads 公开07表 with 因公出国（境）费用 (费用, not 费) under 一般公共预算财政拨款安排的"三公"经费', () => {
    const t = gridTable(
      [
        ['项目', '一般公共预算财政拨款安排的“三公”经费', '<', '<', '<', '<', '<', '会议费', '培训费'],
        ['^', '小计', '因公出国（境）费用', '公务接待费', '公务用车购置及运行维护费', '<', '<', '^', '^'],
        ['^', '^', '^', '^', '小计', '公务用车购置费', '公务用车运行维护费', '^', '^'],
        ['预算数', '14.31', '1.00', '4.88', '8.43', '0', '8.43', '12', '3'],
      ],
      [
        '一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表',
        '公开07表',
        '编制部门：咸阳市杨陵区人民代表大会常务委员会办公室 金额单位：万元',
      ],
    );
    const { rec, record, checks } = runBest(t, 'final');
    expect(rec.tableType).toBe('final.three_public');
    expect(record.rows[0]!.values).toMatchObject({ total: 14.31, outboundTravel: 1, reception: 4.88 });
    expect(checks.find((c) => c.rule === 'final.three_public.row_total')).toMatchObject({
      expected: 14.31,
      actual: 14.31,
      ok: true,
    });
    // Without the Shaanxi file the column maps to no key.
    expect(
      keyWithout('shaanxi', 'three_public', ['一般公共预算财政拨款安排的“三公”经费', '因公出国（境）费用']),
    ).toBeNull();
  });
});
