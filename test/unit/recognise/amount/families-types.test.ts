import { describe, expect, it } from 'vitest';
import { defineFamily, rowTotal } from '../../../../src/recognise/amount/families/types.js';
import { defineRegion } from '../../../../src/recognise/amount/regions/types.js';
import { col } from '../../../../src/recognise/amount/families/index.js';

/**
 * Issue 11: a column key used in a rule but missing from the family (and so from its schema) is a compile error.
 * `npx tsc --noEmit -p .` checks the `@ts-expect-error` lines below: each must be an error, or tsc fails.
 */
describe('column keys are checked at compile time', () => {
  it('rejects an identity over a key the family does not declare', () => {
    const family = defineFamily({
      id: 'example',
      description: 'example',
      kinds: ['budget'],
      layout: 'lines',
      title: { patterns: [/示例表/], rank: 50 },
      columns: { total: { label: '合计', headers: [/合计$/] }, basic: { label: '基本支出', headers: [/基本支出$/] } },
      requiredRows: [],
      // @ts-expect-error 'project' is no column of the family
      identities: [rowTotal('total', ['basic', 'project'])],
    });
    expect(Object.keys(family.columns)).toEqual(['total', 'basic']);
  });

  it('rejects a region variant for a key or a family that does not exist, and a cross-table key', () => {
    const region = defineRegion({
      id: 'example',
      name: '示例省',
      series: 'example',
      evidence: [],
      families: {
        // @ts-expect-error 'reserve' is no column of 支出 tables (reserveFund is)
        expenditure: { columns: { reserve: [/预留$/] } },
      },
    });
    expect(region.id).toBe('example');
    // @ts-expect-error no family 'expenses'
    defineRegion({ id: 'x', name: 'x', series: 'x', evidence: [], families: { expenses: {} } });
    // @ts-expect-error 'basic' is no column of the 功能分类 table
    expect(col('gpb_functional', 'basic')).toBe('basic');
    expect(col('gpb_functional', 'basicExpenditure')).toBe('basicExpenditure');
  });
});
