import { fundColumns } from './fund-columns.js';
import { CODED_TOTAL, defineFamily, rowTotal } from './types.js';

/** 国有资本经营预算财政拨款(收入)支出决算表 (公开09表, some regions) / 国有资本经营预算支出功能分类预算表. */
export const soeCapital = defineFamily({
  id: 'soe_capital',
  description:
    '国有资本经营预算财政拨款(收入)支出决算表 (公开09表, some regions) / 国有资本经营预算支出预算表: the 公开08表 layout',
  kinds: ['final', 'budget'],
  layout: 'lines',
  title: { patterns: [/国有资本经营/], rank: 5 },
  finalLabel: 9,
  columns: fundColumns,
  requiredRows: [CODED_TOTAL],
  identities: [rowTotal('total', ['basicExpenditure', 'projectExpenditure'])],
});
