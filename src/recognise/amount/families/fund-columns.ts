import type { ColumnDef } from './types.js';

/**
 * Columns of 政府性基金预算财政拨款收入支出决算表 (公开08表) and of the 国有资本经营 table of the same layout
 * (公开09表): balances, income and expenditure of one fund, lines by 功能分类 code.
 */
export const fundColumns = {
  /** 年初结转和结余 */
  openingBalance: { label: '年初结转和结余', headers: [/年初结转和结余$/] },
  /** 年末结转和结余 */
  closingBalance: { label: '年末结转和结余', headers: [/年末结转和结余$/] },
  /** 本年收入 */
  income: { label: '本年收入', headers: [/本年收入$/] },
  /** 本年支出 / 基本支出 */
  basicExpenditure: { label: '基本支出', headers: [/基本支出$/] },
  /** 本年支出 / 项目支出 */
  projectExpenditure: { label: '项目支出', headers: [/项目支出$/] },
  /** 本年支出 (/ 小计), or 合计 / 金额 where only expenditure is printed */
  total: { label: '本年支出小计', headers: [/(本年支出(\/小计)?|合计|金额)$/] },
} as const satisfies Record<string, ColumnDef>;
