import { describe, expect, it } from 'vitest';
import { isNumber, looksNumeric } from '../../../../src/extract/ocr/cells.js';

describe('number cells', () => {
  it('takes misread numbers for numbers, Chinese labels not', () => {
    for (const t of ['4+11.96', '44.1T7', '7.E1', '| 2,106.66', '201']) expect(looksNumeric(t), t).toBe(true);
    for (const t of ['吴国许仪刑国日园', '合计', '30101基本工资', '', '—']) expect(looksNumeric(t), t).toBe(false);
  });

  it('accepts only well-formed amounts and codes as read exactly', () => {
    for (const t of ['2,106.66', '0.2', '438.2', '20106', '-3.00', '10.00']) expect(isNumber(t), t).toBe(true);
    for (const t of ['326,12', '1,503.52.', '2:23', '44.1T7', '1,5035.2']) expect(isNumber(t), t).toBe(false);
  });
});
