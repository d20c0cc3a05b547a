import { describe, expect, it } from 'vitest';
import { runBest } from '../run.js';
import { gridTable } from '../fixture.js';
import { keyWithout } from './helpers.js';

/** regions/shanghai.ts: 区级 / 市级 预算 (9 tables, 元) and 决算 (9 tables). */
describe('Shanghai variants', () => {
  it('reads the 市级单位预算 收支总表 whose expenditure side splits 预算数 into 人员经费 / 公用经费 / 项目支出', () => {
    const t = gridTable(
      [
        ['本年收入', '<', '本年支出', '<', '<', '<', '<'],
        ['项目', '预算数', '项目', '预算数', '<', '<', '<'],
        ['^', '^', '^', '合计', '基本支出', '<', '项目支出'],
        ['^', '^', '^', '^', '人员经费', '公用经费', '^'],
        ['一、财政拨款收入', '100', '一、一般公共服务支出', '100', '60', '10', '30'],
        ['收入总计', '100', '支出总计', '100', '60', '10', '30'],
      ],
      ['2025年预算单位财务收支预算总表', '预算单位：上海市财政局 单位：元'],
    );
    const { rec, record, checks } = runBest(t, 'budget');
    expect(rec.tableType).toBe('budget.summary');
    expect(record.rows.find((r) => r.name === '一、一般公共服务支出')).toMatchObject({
      side: 'expenditure',
      values: { amount: 100, personnel: 60, publicFunds: 10, projectExpenditure: 30 },
    });
    expect(checks.filter((c) => c.rule === 'budget.summary.row_total_split').every((c) => c.ok)).toBe(true);
    expect(keyWithout('shanghai', 'summary', ['本年支出', '预算数', '基本支出', '人员经费'])).toBeNull();
  });

  it('reads the two 决算数 halves of the 决算 基本支出 table and 机关运行经费 beside the budget 三公 columns', () => {
    const basic = gridTable(
      [
        ['经济分类科目编码', '<', '科目名称', '决算数', '经济分类科目编码', '<', '科目名称', '决算数'],
        ['类', '款', '^', '^', '类', '款', '^', '^'],
        ['301', '', '工资福利支出', '10.00', '302', '', '商品和服务支出', '2.00'],
        ['301', '01', '基本工资', '10.00', '302', '01', '办公费', '2.00'],
        ['', '', '人员经费合计', '10.00', '', '', '公用经费合计', '2.00'],
      ],
      ['一般公共预算财政拨款基本支出决算表', '单位：万元'],
    );
    const { record } = runBest(basic);
    expect(record.rows.filter((r) => /合计$/.test(r.name)).map((r) => r.values.total)).toEqual([10, 2]);
    expect(keyWithout('shanghai', 'gpb_basic_economic', ['决算数'])).toBeNull();
    const three = gridTable(
      [
        ['“三公”经费预算数', '<', '<', '<', '<', '<', '机关运行经费预算数'],
        ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '<', '<', '^'],
        ['^', '^', '^', '小计', '购置费', '运行费', '^'],
        ['3.00', '1.00', '2.00', '', '', '', '20.00'],
      ],
      ['2025年部门“三公”经费和机关运行经费预算表', '单位：万元'],
    );
    expect(runBest(three).record.rows[0]!.values).toMatchObject({ total: 3, operatingCosts: 20 });
    expect(keyWithout('shanghai', 'three_public', ['机关运行经费预算数'])).toBeNull();
  });
});
