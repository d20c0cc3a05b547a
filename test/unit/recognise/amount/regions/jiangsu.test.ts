import { describe, expect, it } from 'vitest';
import { runBest } from '../run.js';
import { gridTable } from '../fixture.js';
import { keyWithout, titleNamesWithout } from './helpers.js';

const jiangsu = (title: string, label: string) => [title, label, '部门：江苏省人大常委会办公厅          单位：万元'];

/** regions/jiangsu.ts: 12 部门预算 tables (2017–2019), one 金额 column, 公开表一–十二. */
describe('Jiangsu 预算 variants', () => {
  it('reads 金额 as the total of 财政拨款支出预算表(功能科目)', () => {
    const t = gridTable(
      [
        ['功能科目编码', '功能科目名称', '金额'],
        ['', '合计', '5.00'],
        ['201', '一般公共服务支出', '5.00'],
      ],
      jiangsu('财政拨款支出预算表(功能科目)', '公开表五'),
    );
    const { rec, record } = runBest(t, 'budget');
    expect(rec.tableType).toBe('budget.gpb_functional');
    expect(record.rows[0]!.values).toEqual({ total: 5 });
    expect(keyWithout('jiangsu', 'gpb_functional', ['金额'])).toBeNull();
    expect(titleNamesWithout('jiangsu', 'gpb_functional', '一般公共预算支出表(功能科目)')).toBe(false);
  });

  it('reads 单位预留机动经费 and 结转下年资金 in the 支出预算总表 and the 合计 over 三公, 会议费 and 培训费', () => {
    const t = gridTable(
      [
        ['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金'],
        ['10.00', '5.00', '3.00', '2.00', ''],
      ],
      jiangsu('支出预算总表', '公开表三'),
    );
    expect(runBest(t, 'budget').record.rows[0]!.values).toEqual({
      total: 10,
      basicExpenditure: 5,
      projectExpenditure: 3,
      reserveFund: 2,
      carryForward: null,
    });
    expect(keyWithout('jiangsu', 'expenditure', ['单位预留机动经费'])).toBeNull();
    expect(keyWithout('jiangsu', 'three_public', ['合计'])).toBeNull();
  });
});
