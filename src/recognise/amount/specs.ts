import type { ColumnRule } from './header-match.js';
import type { AmountFamily } from './classify.js';
import type { RowIdentity } from './code-tree.js';

/**
 * What differs between amount-table families: how header paths map to column keys (regional
 * variants of one header map to one key), how the body is laid out, and which row identities
 * of docs/domain.md §3 hold. 决算 and 预算 share every spec; only the type id prefix differs.
 */
export interface FamilySpec {
  family: AmountFamily;
  layout: 'lines' | 'summary' | 'transposed' | 'index' | 'procurement';
  columns: ColumnRule[];
  identities: RowIdentity[];
}

const remark: ColumnRule = { key: 'remark', path: /备注$/, text: true };

const income: ColumnRule[] = [
  { key: 'educationFees', path: /教育收费$/ },
  { key: 'businessIncome', path: /事业收入(\/小计)?$/ },
  { key: 'operatingIncome', path: /经营收入$/ },
  { key: 'superiorSubsidy', path: /上级补助收入$/ },
  { key: 'subordinateRemittance', path: /附属单位上缴收入$/ },
  { key: 'otherIncome', path: /其他收入$/ },
  { key: 'generalBudget', path: /一般公共预算(资金)?$/ },
  { key: 'govFund', path: /政府性基金(预算)?$/ },
  { key: 'soeCapital', path: /国有资本经营预算$/ },
  { key: 'fiscalAppropriation', path: /财政拨款(收入)?(\/小计)?$/ },
  { key: 'specialAccountFunds', path: /财政专户管理资金$/ },
  { key: 'carryover', path: /上年结转/ },
  { key: 'total', path: /(本年收入合计|合计|收入预算|总计)$/ },
  { key: 'amount', path: /金额$/ },
];

const expenditure: ColumnRule[] = [
  { key: 'basicExpenditure', path: /基本支出$/ },
  { key: 'projectExpenditure', path: /项目支出$/ },
  { key: 'remittanceToSuperior', path: /上缴上级支出$/ },
  { key: 'operatingExpenditure', path: /经营支出$/ },
  { key: 'subsidyToSubordinate', path: /对附属单位补助支出$/ },
  { key: 'reserveFund', path: /预留机动经费$/ },
  { key: 'carryForward', path: /结转下年/ },
  { key: 'total', path: /(本年支出合计|合计|总计|金额)$/ },
];

const basicSplit: ColumnRule[] = [
  { key: 'personnel', path: /人员经费$/ },
  { key: 'publicFunds', path: /公用经费$/ },
];

const fund: ColumnRule[] = [
  { key: 'openingBalance', path: /年初结转和结余$/ },
  { key: 'closingBalance', path: /年末结转和结余$/ },
  { key: 'income', path: /本年收入$/ },
  { key: 'basicExpenditure', path: /基本支出$/ },
  { key: 'projectExpenditure', path: /项目支出$/ },
  { key: 'total', path: /(本年支出(\/小计)?|合计|金额)$/ },
];

/** Transposed: the measure (预算数 / 决算数) is stripped from the path before these apply. */
const threePublic: ColumnRule[] = [
  { key: 'vehicleTotal', path: /公务用车购置及运行(维护)?费(\/小计)?$/ },
  { key: 'vehiclePurchase', path: /购置费$/ },
  { key: 'vehicleOperation', path: /运行(维护)?费$/ },
  { key: 'outboundTravel', path: /因公出国\(境\)(费用?)?$/ },
  { key: 'reception', path: /公务接待费$/ },
  { key: 'meeting', path: /会议费$/ },
  { key: 'training', path: /培训费$/ },
  { key: 'operatingCosts', path: /机关运行经费(预算数?)?$/ },
  { key: 'total', path: /三公[^/]*经费[^/]*(\/(小计|合计))?$/ },
  { key: 'grandTotal', path: /^合计$/ },
];

const summaryAmount: ColumnRule = { key: 'amount', path: /(决算数|预算数|金额|预算)$/ };

const rowTotal = (parts: string[]): RowIdentity => ({ name: 'row_total', total: 'total', parts });

export const FAMILY_SPECS: Record<AmountFamily, FamilySpec> = {
  summary: {
    family: 'summary',
    layout: 'summary',
    columns: [...basicSplit, { key: 'basicExpenditure', path: /基本支出(\/小计)?$/ }, { key: 'projectExpenditure', path: /项目支出$/ }, { key: 'amount', path: /(决算数|预算数|金额|预算)(\/合计)?$/ }],
    identities: [
      { name: 'row_total', total: 'amount', parts: ['basicExpenditure', 'projectExpenditure'] },
      { name: 'row_total_split', total: 'amount', parts: ['personnel', 'publicFunds', 'projectExpenditure'] },
    ],
  },
  fiscal_summary: {
    family: 'fiscal_summary',
    layout: 'summary',
    columns: [
      { key: 'generalBudget', path: /一般公共预算/ },
      { key: 'govFund', path: /政府性基金/ },
      { key: 'soeCapital', path: /国有资本经营/ },
      { key: 'total', path: /合计$/ },
      summaryAmount,
    ],
    identities: [rowTotal(['generalBudget', 'govFund', 'soeCapital'])],
  },
  income: {
    family: 'income',
    layout: 'lines',
    columns: income,
    identities: [
      rowTotal(['fiscalAppropriation', 'superiorSubsidy', 'businessIncome', 'operatingIncome', 'subordinateRemittance', 'otherIncome', 'specialAccountFunds', 'carryover']),
      { name: 'fiscal_split', total: 'fiscalAppropriation', parts: ['generalBudget', 'govFund', 'soeCapital'] },
    ],
  },
  expenditure: {
    family: 'expenditure',
    layout: 'lines',
    columns: expenditure,
    identities: [rowTotal(['basicExpenditure', 'projectExpenditure', 'remittanceToSuperior', 'operatingExpenditure', 'subsidyToSubordinate', 'reserveFund', 'carryForward'])],
  },
  gpb_functional: {
    family: 'gpb_functional',
    layout: 'lines',
    columns: [...basicSplit, { key: 'basicExpenditure', path: /基本支出(\/小计)?$/ }, { key: 'projectExpenditure', path: /项目支出$/ }, { key: 'total', path: /(合计|金额|总计)$/ }, remark],
    identities: [rowTotal(['basicExpenditure', 'projectExpenditure']), { name: 'basic_split', total: 'basicExpenditure', parts: ['personnel', 'publicFunds'] }],
  },
  gpb_basic_economic: {
    family: 'gpb_basic_economic',
    layout: 'lines',
    // A 公开08表 printing 基本支出 as its only amount column: that column is the table's total.
    columns: [...basicSplit, { key: 'total', path: /(合计|决算数|预算数|金额|基本支出)$/ }, remark],
    identities: [rowTotal(['personnel', 'publicFunds'])],
  },
  three_public: {
    family: 'three_public',
    layout: 'transposed',
    columns: threePublic,
    identities: [
      { name: 'grand_total', total: 'grandTotal', parts: ['total', 'meeting', 'training'] },
      rowTotal(['outboundTravel', 'reception', 'vehicleTotal']),
      { name: 'vehicle_total', total: 'vehicleTotal', parts: ['vehiclePurchase', 'vehicleOperation'] },
    ],
  },
  gov_fund: { family: 'gov_fund', layout: 'lines', columns: fund, identities: [rowTotal(['basicExpenditure', 'projectExpenditure'])] },
  soe_capital: { family: 'soe_capital', layout: 'lines', columns: fund, identities: [rowTotal(['basicExpenditure', 'projectExpenditure'])] },
  empty_index: { family: 'empty_index', layout: 'index', columns: [], identities: [] },
  procurement: {
    family: 'procurement',
    layout: 'procurement',
    columns: [
      { key: 'category', path: /采购品目/, text: true },
      { key: 'project', path: /专项名称/, text: true },
      { key: 'economicItem', path: /经济科目/, text: true },
      { key: 'item', path: /采购物品名称|品目名称/, text: true },
      { key: 'method', path: /采购(组织形式|方式)/, text: true },
      { key: 'total', path: /(总计|合计|金额)$/ },
    ],
    identities: [],
  },
  operating_costs: {
    family: 'operating_costs',
    layout: 'lines',
    columns: [{ key: 'total', path: /(机关运行经费(支出)?|金额|合计)$/ }],
    identities: [],
  },
};
