import { lineTableSchema } from './final-budget-amount.js';

/** Columns of 政府性基金预算财政拨款收入支出决算表 (公开08表) and the 国有资本经营 table of the same layout. */
export const fundColumns = {
  /** 年初结转和结余 */
  openingBalance: '年初结转和结余',
  /** 本年收入 */
  income: '本年收入',
  /** 本年支出 / 小计, or 合计 / 金额 where only expenditure is printed */
  total: '本年支出小计',
  /** 基本支出 */
  basicExpenditure: '基本支出',
  /** 项目支出 */
  projectExpenditure: '项目支出',
  /** 年末结转和结余 */
  closingBalance: '年末结转和结余',
} as const;

export const finalGovFundSchema = lineTableSchema('final.gov_fund', fundColumns);
