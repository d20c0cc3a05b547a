import { describe, expect, it } from 'vitest';
import { runBest } from './run.js';
import { gridTable } from './fixture.js';

describe('two-sided summary tables', () => {
  it('reads seed 001 公开01表 with income / expenditure sides and checks its totals', () => {
    const t = gridTable(
      [
        ['收    入', '<', '支    出', '<'],
        ['项    目', '决算数', '项目', '决算数'],
        ['1、一般公共预算财政拨款', '531.71', '  1、一般公共服务支出', '531.71'],
        ['2、政府性基金预算财政拨款', '', '  2、外交支出', ''],
        ['8、其他收入', '1.93', '  9、卫生健康支出', '0.13'],
        ['', '', '22、其他支出', ''],
        ['本年收入合计', '533.64', '本年支出合计', '531.84'],
        ['用事业基金弥补收支差额', '', '结余分配 ', ''],
        ['年初结转和结余', '4.48', '年末结转和结余', '6.28'],
        ['收入总计', '538.12', '支出总计', '538.12'],
      ],
      [
        '收入支出决算总表',
        '公开01表',
        '编制部门：咸阳市杨陵区人民代表大会常务委员会办公室                  金额单位：万元',
      ],
    );
    const { rec, record, checks, parsed } = runBest(t);
    expect(rec.tableType).toBe('final.summary');
    expect(record.unit).toBe('万元');
    const income = record.rows.filter((r) => r.side === 'income');
    const spending = record.rows.filter((r) => r.side === 'expenditure');
    expect(income.map((r) => r.name)).toEqual([
      '1、一般公共预算财政拨款',
      '2、政府性基金预算财政拨款',
      '8、其他收入',
      '本年收入合计',
      '用事业基金弥补收支差额',
      '年初结转和结余',
      '收入总计',
    ]);
    expect(spending).toHaveLength(8);
    expect(spending[0]).toMatchObject({ name: '1、一般公共服务支出', values: { amount: 531.71 } });
    expect(checks.map((c) => [c.rule, c.ok])).toEqual([
      ['final.summary.income_lines', true],
      ['final.summary.income_grand', true],
      ['final.summary.expenditure_lines', true],
      ['final.summary.expenditure_grand', true],
      ['final.summary.balance', true],
    ]);
    expect(parsed.success).toBe(true);
  });

  it('reads a Shanghai 财政拨款收支预算总表 (元, 收入总计 only, four expenditure columns)', () => {
    const t = gridTable(
      [
        ['财政拨款收入', '<', '财政拨款支出', '<', '<', '<', '<'],
        ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
        ['一、一般公共预算资金', '91,016,775.35', '一、一般公共服务支出', '82,096,797.42', '82,096,797.42', '', ''],
        ['二、政府性基金', '', '二、社会保障和就业支出', '4,213,779.28', '4,213,779.28', '', ''],
        ['三、国有资本经营预算', '', '三、卫生健康支出', '1,097,073.43', '1,097,073.43', '', ''],
        ['', '', '四、住房保障支出', '3,609,125.22', '3,609,125.22', '', ''],
        ['收入总计', '91,016,775.35', '支出总计', '91,016,775.35', '91,016,775.35', '', ''],
      ],
      ['2025年部门财政拨款收支预算总表', '编制部门：上海市普陀区人民政府办公室                 单位：元'],
    );
    const { rec, record, checks, parsed } = runBest(t);
    expect(rec.tableType).toBe('budget.fiscal_summary');
    expect(record.unit).toBe('元');
    expect(record.rows.find((r) => r.name === '一、一般公共服务支出')).toMatchObject({
      side: 'expenditure',
      values: { total: 82096797.42, generalBudget: 82096797.42, govFund: null, soeCapital: null },
    });
    expect(record.rows.find((r) => r.name === '一、一般公共预算资金')).toMatchObject({
      side: 'income',
      values: { amount: 91016775.35 },
    });
    const rules = checks.map((c) => c.rule);
    expect(rules).toContain('budget.fiscal_summary.balance');
    expect(rules).toContain('budget.fiscal_summary.row_total');
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(parsed.success).toBe(true);
  });

  it('reads the Jiangsu three-sided 收支预算总表 (收入 / 功能分类 / 支出用途)', () => {
    const t = gridTable(
      [
        ['收入', '<', '支出', '<', '<', '<'],
        ['^', '^', '功能分类', '<', '支出用途', '<'],
        ['项目名称', '金额', '功能科目名称', '金额', '项目名称', '金额'],
        ['一、财政拨款', '18,330.37', '一、一般公共服务支出', '13,907.78', '一、基本支出', '9,312.90'],
        [' 1.一般公共预算', '18,330.37', '二、社会保障和就业支出', '1,121.39', '二、项目支出', '6,459.58'],
        ['二、财政专户管理资金', '', '三、住房保障支出', '3,301.20', '三、单位预留机动经费', '2,557.89'],
        ['当年收入小计', '18,330.37', '当年支出小计', '18,330.37', '', ''],
        ['上年结转资金', '', '结转下年资金', '', '', ''],
        ['收入合计', '18,330.37', '支出合计', '18,330.37', '', ''],
      ],
      ['收支预算总表', '公开表一', '部门：                  江苏省人大常委会办公厅              单位：万元'],
    );
    const { rec, record, checks } = runBest(t);
    expect(rec.tableType).toBe('budget.summary');
    expect(record.rows.filter((r) => r.side === 'expenditure_by_purpose').map((r) => r.name)).toEqual([
      '一、基本支出',
      '二、项目支出',
      '三、单位预留机动经费',
    ]);
    expect(checks.find((c) => c.rule === 'budget.summary.income_lines')).toMatchObject({
      expected: 18330.37,
      actual: 18330.37,
      ok: true,
    });
    expect(checks.filter((c) => c.rule === 'budget.summary.balance')).toHaveLength(1);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('leaves 其中 lines out of the sums and reads a unit printed in the header', () => {
    const t = gridTable(
      [
        ['收入', '<', '支出', '<'],
        ['项目', '金额（万元）', '项目', '金额（万元）'],
        ['财政拨款收入', '100.00', '一般公共服务支出', '120.00'],
        ['其中：一般公共预算', '100.00', '', ''],
        ['事业收入', '20.00', '', ''],
        ['收入总计', '120.00', '支出总计', '120.00'],
      ],
      ['2024年部门收支预算总表'],
    );
    const { record, issues, checks } = runBest(t);
    expect(record.unit).toBe('万元');
    expect(issues).toEqual([]);
    expect(checks.map((c) => [c.rule, c.actual, c.ok])).toEqual([
      ['budget.summary.income_lines', 120, true],
      ['budget.summary.expenditure_lines', 120, true],
      ['budget.summary.balance', 120, true],
    ]);
  });
});
