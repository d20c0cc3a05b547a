import { describe, expect, it } from 'vitest';
import { runBest } from './run.js';
import { gridTable } from './fixture.js';

describe('"三公"经费 tables (transposed)', () => {
  it('reads seed 001 公开07表: measures as row labels, numbered row dropped', () => {
    const t = gridTable(
      [
        ['项目', '一般公共预算财政拨款安排的“三公”经费', '<', '<', '<', '<', '<', '会议费', '培训费'],
        ['^', '小计', '因公出国（境）费用', '公务接待费', '公务用车购置及运行维护费', '<', '<', '^', '^'],
        ['^', '^', '^', '^', '小计', '公务用车购置费', '公务用车运行维护费', '^', '^'],
        ['', '1', '2', '3', '4', '5', '6', '7', '8'],
        ['预算数', '14.31', '0', '4.88', '9.43', '0', '9.43', '12', '3'],
        ['决算数', '12.73', '0', '4.35', '8.38', '0', '8.38', '11.67', '2.94'],
      ],
      [
        '一般公共预算财政拨款“三公”经费',
        '及会议费、培训费支出决算表',
        '公开07表',
        '编制部门：咸阳市杨陵区人民代表大会常务委员会办公室 金额单位：万元',
      ],
    );
    const { rec, record, checks, parsed } = runBest(t);
    expect(rec.tableType).toBe('final.three_public');
    expect(record.title).toBe('一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表');
    expect(record.rows).toEqual([
      expect.objectContaining({
        name: '预算数',
        values: {
          total: 14.31,
          outboundTravel: 0,
          reception: 4.88,
          vehicleTotal: 9.43,
          vehiclePurchase: 0,
          vehicleOperation: 9.43,
          meeting: 12,
          training: 3,
        },
      }),
      expect.objectContaining({
        name: '决算数',
        values: {
          total: 12.73,
          outboundTravel: 0,
          reception: 4.35,
          vehicleTotal: 8.38,
          vehiclePurchase: 0,
          vehicleOperation: 8.38,
          meeting: 11.67,
          training: 2.94,
        },
      }),
    ]);
    expect(checks.map((c) => [c.rule, c.ok])).toEqual([
      ['final.three_public.row_total', true],
      ['final.three_public.row_total', true],
      ['final.three_public.vehicle_total', true],
      ['final.three_public.vehicle_total', true],
    ]);
    expect(parsed.success).toBe(true);
  });

  it('reads the Shanghai 决算 layout: 预算数 / 决算数 as the lowest header level', () => {
    const t = gridTable(
      [
        ['财政拨款“三公”经费', '<', '<', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
        ['合计', '<', '因公出国（境）费', '<', '公务用车购置及运行费', '<', '<', '<', '<', '<', '公务接待费', '<'],
        ['^', '^', '^', '^', '小计', '<', '公务用车购置费', '<', '公务用车运行费', '<', '^', '^'],
        [
          '预算数',
          '决算数',
          '预算数',
          '决算数',
          '预算数',
          '决算数',
          '预算数',
          '决算数',
          '预算数',
          '决算数',
          '预算数',
          '决算数',
        ],
        ['0.95', '', '', '', '', '', '', '', '', '', '0.95', ''],
      ],
      ['财政拨款“三公”经费支出决算表', '单位：万元'],
    );
    const { rec, record, checks } = runBest(t);
    expect(rec.tableType).toBe('final.three_public');
    expect(record.rows.map((r) => r.name)).toEqual(['预算数', '决算数']);
    expect(record.rows[0]!.values).toEqual({
      total: 0.95,
      outboundTravel: null,
      vehicleTotal: null,
      vehiclePurchase: null,
      vehicleOperation: null,
      reception: 0.95,
    });
    expect(record.rows[1]!.values.total).toBeNull();
    expect(checks).toEqual([
      expect.objectContaining({ rule: 'final.three_public.row_total', expected: 0.95, actual: 0.95, ok: true }),
    ]);
  });

  it('reads the Jiangsu budget layout with a 合计 over 三公, 会议费 and 培训费', () => {
    const t = gridTable(
      [
        ['合计', '“三公”经费', '<', '<', '<', '<', '<', '会议费', '培训费'],
        ['^', '小计', '因公出国（境）费', '公务用车购置及运行维护费', '<', '<', '公务接待费', '^', '^'],
        ['^', '^', '^', '小计', '公务用车购置费', '公务用车运行维护费', '^', '^', '^'],
        ['2,600.71', '767.60', '199.25', '183.60', '', '183.60', '384.75', '1,469.73', '363.38'],
      ],
      [
        '“三公”经费、会议费、培训费支出预算表',
        '公开表九',
        '部门：              江苏省人大常委会办公厅                 单位：万元',
      ],
    );
    const { rec, record, checks } = runBest(t);
    expect(rec.tableType).toBe('budget.three_public');
    expect(record.rows).toHaveLength(1);
    expect(record.rows[0]).toMatchObject({
      name: '预算数',
      values: { grandTotal: 2600.71, total: 767.6, vehicleTotal: 183.6, reception: 384.75 },
    });
    expect(checks.map((c) => c.rule)).toEqual([
      'budget.three_public.grand_total',
      'budget.three_public.row_total',
      'budget.three_public.vehicle_total',
    ]);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('keeps 机关运行经费 printed beside the Shanghai budget 三公 columns, in 万元 though the document is in 元', () => {
    const t = gridTable(
      [
        ['“三公”经费预算数', '<', '<', '<', '<', '<', '机关运行经费预算数'],
        ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '<', '<', '^'],
        ['^', '^', '^', '小计', '购置费', '运行费', '^'],
        ['867.50', '839.00', '28.50', '', '', '', '213.28'],
      ],
      [
        '2025年部门“三公”经费和机关运行经费预算表',
        '编制部门：上海市普陀区人民政府办公室                     单位:万元',
      ],
    );
    const { rec, record, checks } = runBest(t);
    expect(rec.tableType).toBe('budget.three_public');
    expect(record.unit).toBe('万元');
    expect(record.rows[0]).toMatchObject({
      name: '预算数',
      values: { total: 867.5, outboundTravel: 839, reception: 28.5, vehicleTotal: null, operatingCosts: 213.28 },
    });
    expect(checks.find((c) => c.rule === 'budget.three_public.row_total')).toMatchObject({
      expected: 867.5,
      actual: 867.5,
      ok: true,
    });
  });

  it('keeps the one blank line of a blank template (header only) as a 预算数 row of blanks', () => {
    const t = gridTable(
      [
        ['2026年单位“三公”经费和机关运行经费预算表', '<', '<', '<', '<', '<', '<'],
        ['编制单位：', '', '', '', '', '', '单位:万元'],
        ['“三公”经费预算数', '<', '<', '<', '<', '<', '机关运行经费预算数'],
        ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '<', '<', '^'],
        ['^', '^', '^', '小计', '购置费', '运行费', '^'],
      ],
      ['单位“三公”经费和机关运行费预算表'],
    );
    const { rec, record, parsed } = runBest(t, 'budget');
    expect(rec.tableType).toBe('budget.three_public');
    expect(record.rows).toEqual([
      expect.objectContaining({
        name: '预算数',
        values: {
          total: null,
          outboundTravel: null,
          reception: null,
          vehicleTotal: null,
          vehiclePurchase: null,
          vehicleOperation: null,
          operatingCosts: null,
        },
      }),
    ]);
    expect(parsed.success).toBe(true);
  });
});
