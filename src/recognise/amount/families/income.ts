import { CODED_TOTAL, defineFamily, rowTotal } from './types.js';

/** 收入决算表 (公开02表) / 收入预算总表: income by source, lines by 功能分类 code (or, Jiangsu, by source). */
export const income = defineFamily({
  id: 'income',
  description:
    '收入决算表 (公开02表) / 收入预算总表: income by source, one line per 功能分类 subject (Jiangsu: per source)',
  kinds: ['final', 'budget'],
  layout: 'lines',
  title: { patterns: [/收入.*(决算|预算).*表/], rank: 10 },
  header: { all: [/财政拨款收入/, /上级补助收入|事业收入/], rank: 6 },
  finalLabel: 2,
  columns: {
    /** 事业收入 / 其中:教育收费 */
    educationFees: { label: '其中:教育收费', headers: [/教育收费$/] },
    /** 事业收入 (/ 小计) */
    businessIncome: { label: '事业收入', headers: [/事业收入(\/小计)?$/] },
    /** 经营收入 / 事业单位经营收入 */
    operatingIncome: { label: '经营收入', headers: [/经营收入$/] },
    /** 上级补助收入 */
    superiorSubsidy: { label: '上级补助收入', headers: [/上级补助收入$/] },
    /** 附属单位上缴收入 */
    subordinateRemittance: { label: '附属单位上缴收入', headers: [/附属单位上缴收入$/] },
    /** 其他收入 */
    otherIncome: { label: '其他收入', headers: [/其他收入$/] },
    /** 一般公共预算 (资金) under 财政拨款收入, budget layouts */
    generalBudget: { label: '一般公共预算', headers: [/一般公共预算(资金)?$/] },
    /** 政府性基金 (预算) under 财政拨款收入, budget layouts */
    govFund: { label: '政府性基金', headers: [/政府性基金(预算)?$/] },
    /** 国有资本经营预算 under 财政拨款收入 */
    soeCapital: { label: '国有资本经营预算', headers: [/国有资本经营预算$/] },
    /** 财政拨款收入 (/ 小计) */
    fiscalAppropriation: { label: '财政拨款收入', headers: [/财政拨款(收入)?(\/小计)?$/] },
    /** 财政专户管理资金 (Jiangsu) */
    specialAccountFunds: { label: '财政专户管理资金', headers: [] },
    /** 上年结转 (和结余) (Jiangsu) */
    carryover: { label: '上年结转', headers: [] },
    /** 本年收入合计 / 合计 / 总计 (Shanghai: 收入预算 / 合计) */
    total: { label: '本年收入合计', headers: [/(本年收入合计|合计|总计)$/] },
    /** 金额: a one-column list of income lines (Jiangsu 收入预算总表) */
    amount: { label: '金额', headers: [] },
  },
  requiredRows: [CODED_TOTAL],
  identities: [
    rowTotal('total', [
      'fiscalAppropriation',
      'superiorSubsidy',
      'businessIncome',
      'operatingIncome',
      'subordinateRemittance',
      'otherIncome',
      'specialAccountFunds',
      'carryover',
    ]),
    { name: 'fiscal_split', total: 'fiscalAppropriation', parts: ['generalBudget', 'govFund', 'soeCapital'] },
  ],
});
