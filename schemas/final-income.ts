import { lineTableSchema } from './final-budget-amount.js';

/** Columns of 收入决算表 (公开02表) and 收入预算总表. */
export const incomeColumns = {
  /** 本年收入合计 / 合计 / 收入预算 */
  total: '本年收入合计',
  /** 财政拨款收入 */
  fiscalAppropriation: '财政拨款收入',
  /** 一般公共预算 (资金) under 财政拨款收入, budget layouts */
  generalBudget: '一般公共预算',
  /** 政府性基金 (预算) under 财政拨款收入, budget layouts */
  govFund: '政府性基金',
  /** 国有资本经营预算 under 财政拨款收入 */
  soeCapital: '国有资本经营预算',
  /** 上级补助收入 */
  superiorSubsidy: '上级补助收入',
  /** 事业收入 (小计) */
  businessIncome: '事业收入',
  /** 事业收入 / 其中:教育收费 */
  educationFees: '其中:教育收费',
  /** 经营收入 / 事业单位经营收入 */
  operatingIncome: '经营收入',
  /** 附属单位上缴收入 */
  subordinateRemittance: '附属单位上缴收入',
  /** 其他收入 */
  otherIncome: '其他收入',
  /** 财政专户管理资金 */
  specialAccountFunds: '财政专户管理资金',
  /** 上年结转 (和结余) */
  carryover: '上年结转',
  /** 金额: a one-column list of income lines (Jiangsu 收入预算总表) */
  amount: '金额',
} as const;

export const finalIncomeSchema = lineTableSchema('final.income', incomeColumns);
