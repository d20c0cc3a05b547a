import { summaryTableSchema } from './final-budget-amount.js';

/** Columns of 财政拨款收入支出决算总表 (公开04表) / 财政拨款收支预算总表. */
export const fiscalSummaryColumns = {
  /** 决算数 / 预算数 / 金额 (income side) */
  amount: '决算数',
  /** 合计 (expenditure side) */
  total: '合计',
  /** 一般公共预算 (财政拨款) */
  generalBudget: '一般公共预算财政拨款',
  /** 政府性基金预算 (财政拨款) */
  govFund: '政府性基金预算财政拨款',
  /** 国有资本经营预算 (财政拨款) */
  soeCapital: '国有资本经营预算财政拨款',
} as const;

export const finalFiscalSummarySchema = summaryTableSchema('final.fiscal_summary', fiscalSummaryColumns);
