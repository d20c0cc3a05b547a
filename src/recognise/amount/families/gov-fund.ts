import { fundColumns } from './fund-columns.js';
import { CODED_TOTAL, defineFamily, rowTotal } from './types.js';

/** 政府性基金预算财政拨款收入支出决算表 (公开08表) / 政府性基金预算支出(功能分类)预算表: often empty, with a reason. */
export const govFund = defineFamily({
  id: 'gov_fund',
  description:
    '政府性基金预算财政拨款收入支出决算表 (公开08表) / 政府性基金预算支出预算表: often printed empty with a reason',
  kinds: ['final', 'budget'],
  layout: 'lines',
  title: { patterns: [/政府性基金/], rank: 4 },
  header: { all: [/年初结转和结余/, /本年收入/, /本年支出/], rank: 5 },
  finalLabel: 8,
  columns: fundColumns,
  requiredRows: [CODED_TOTAL],
  identities: [rowTotal('total', ['basicExpenditure', 'projectExpenditure'])],
});
