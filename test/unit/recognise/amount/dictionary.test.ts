import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataDictionary, renderDataDictionary } from '../../../../src/recognise/amount/dictionary.js';
import { FAMILIES } from '../../../../src/recognise/amount/families/index.js';
import { finalRecognisers } from '../../../../src/recognise/final/index.js';
import { budgetRecognisers } from '../../../../src/recognise/budget/index.js';

const DOC = 'docs/data-dictionary.md';

describe('the data dictionary (issue 11)', () => {
  it('lists every amount table type the recognisers produce, with every column key its schema holds', () => {
    const entries = dataDictionary();
    const types = [...finalRecognisers, ...budgetRecognisers].map((r) => r.tableType).sort();
    expect(entries.map((e) => e.tableType).sort()).toEqual(types);
    for (const r of [...finalRecognisers, ...budgetRecognisers]) {
      const entry = entries.find((e) => e.tableType === r.tableType)!;
      const values = (
        r.schema as unknown as {
          shape: {
            rows: {
              element: {
                shape: {
                  values: { keyType?: { options?: string[] }; _zod: { def: { keyType: { options?: string[] } } } };
                };
              };
            };
          };
        }
      ).shape.rows.element.shape.values;
      const keys = values._zod.def.keyType.options ?? [];
      expect(keys.sort(), r.tableType).toEqual(entry.columns.map((c) => c.key).sort());
    }
  });

  it('names where each header spelling comes from: the family (national template) or a region', () => {
    const income = dataDictionary().find((e) => e.tableType === 'budget.income')!;
    expect(income.columns.find((c) => c.key === 'specialAccountFunds')!.headers).toEqual([
      { from: 'jiangsu', patterns: ['财政专户管理资金$'] },
    ]);
    expect(income.columns.find((c) => c.key === 'total')!.headers.map((h) => h.from)).toEqual(['family', 'shanghai']);
    expect(FAMILIES.every((f) => Object.values(f.columns).every((c) => c.label !== ''))).toBe(true);
  });

  it('is current in docs/data-dictionary.md (UPDATE_GOLDEN=1 rewrites it)', () => {
    const text = renderDataDictionary();
    if (process.env.UPDATE_GOLDEN === '1') {
      if (process.env.CI === 'true') throw new Error('UPDATE_GOLDEN=1 is refused on CI');
      writeFileSync(DOC, text);
    }
    expect(existsSync(DOC)).toBe(true);
    expect(readFileSync(DOC, 'utf8')).toBe(text);
  });
});
