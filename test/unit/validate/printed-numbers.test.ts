import { describe, expect, it } from 'vitest';
import { printedNumbersMissing } from '../../../src/validate/printed-numbers.js';
import { gridTable } from '../recognise/amount/fixture.js';

const table = gridTable([
  ['科目编码', '科目名称', '栏次', '合计'],
  ['201', '一般公共服务支出', '1', '1,234.50'],
  ['2010101', '行政运行', '2', '234.5'],
  ['', '联系电话', '', '8065137'],
]);

describe('printed numbers reach the record', () => {
  it('finds every amount, code and long number the record lost, never line numbers', () => {
    const lost = printedNumbersMissing(table, { rows: [{ name: '一般公共服务支出', values: { total: 1234.5 } }] });
    expect(lost.map((c) => c.text)).toEqual(['201', '2010101', '234.5', '8065137']);
  });

  it('accepts numbers kept as values, as codes or inside a text field, and ignores provenance and checks', () => {
    const record = {
      rows: [
        { code: '201', name: 'a', values: { total: 1234.5 } },
        { code: '2010101', name: 'b', values: { total: 234.5 } },
      ],
      phone: { value: '电话 8065137' },
      checks: [{ expected: 1, actual: 234.5 }],
    };
    expect(printedNumbersMissing(table, record)).toEqual([]);
    expect(printedNumbersMissing(table, { ...record, phone: null }).map((c) => c.text)).toEqual(['8065137']);
  });
});
