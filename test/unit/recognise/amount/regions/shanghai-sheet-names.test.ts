import { describe, expect, it } from 'vitest';
import { runBest } from '../run.js';
import { gridTable } from '../fixture.js';
import { titleNamesWithout } from './helpers.js';

/**
 * The variant added for issue 11 (regions/shanghai.ts, SYSTEM_SHEETS): a sheet of the Shanghai budget system's
 * workbook whose only title is its sheet name ('2.17单位支出总表', '3.21部门一般公共预算拨款表'), as the 2026
 * templates in the corpus name their sheets. Adding it took that block of data and this fixture, nothing else.
 */
const header = (group: string) => [
  ['编制单位：上海市普陀区档案馆', '', '', '', '', '', '单位：元'],
  ['项目', '<', '<', '<', group, '<', '<'],
  ['功能分类科目编码', '<', '<', '功能分类科目名称', '合计', '基本支出', '项目支出'],
  ['类', '款', '项', '^', '^', '^', '^'],
];
const body = [
  ['201', '', '', '一般公共服务支出', '1,200', '1,000', '200'],
  ['201', '26', '', '档案事务', '1,200', '1,000', '200'],
  ['201', '26', '01', '行政运行', '1,000', '1,000', ''],
  ['201', '26', '99', '其他档案事务支出', '200', '', '200'],
  ['', '', '', '合计', '1,200', '1,000', '200'],
];

describe('Shanghai budget-system sheet names (added variant)', () => {
  it('types a 单位支出总表 sheet by its sheet name, in 元', () => {
    const t = gridTable([...header('支出预算'), ...body], ['2.17单位支出总表']);
    const { rec, record, checks, parsed } = runBest(t, 'budget');
    expect(rec.tableType).toBe('budget.expenditure');
    expect(record.title).toBe('单位支出总表');
    expect(record.unit).toBe('元');
    expect(record.rows[2]).toMatchObject({
      code: '2012601',
      values: { total: 1000, basicExpenditure: 1000, projectExpenditure: null },
    });
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(parsed.success).toBe(true);
  });

  it('types a 部门一般公共预算拨款表 sheet as the 一般公共预算 functional table', () => {
    const t = gridTable([...header('一般公共预算支出'), ...body], ['3.21部门一般公共预算拨款表']);
    const { rec, record } = runBest(t, 'budget');
    expect(rec.tableType).toBe('budget.gpb_functional');
    expect(record.title).toBe('部门一般公共预算拨款表');
    expect(record.scope).toBe('general_budget');
  });

  it('is the Shanghai file that names them: without it the sheet names type nothing', () => {
    expect(titleNamesWithout('shanghai', 'expenditure', '单位支出总表')).toBe(false);
    expect(titleNamesWithout('shanghai', 'gpb_functional', '部门一般公共预算拨款表')).toBe(false);
    expect(titleNamesWithout('shanghai', 'income', '单位收入总表')).toBe(false);
  });
});
