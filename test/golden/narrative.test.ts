import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localSource, processDocument } from '../../src/pipeline/process-document.js';

/**
 * The narrative cross-check on a real 决算: 上海市普陀区财政局 2024 (samples/pdf/real). Figures written from the
 * printed pages (pdftotext -layout, p. 21–22) and the verified table records
 * (test/golden/records/shanghai-putuo-finance-bureau-2024-final.pdf.expected.json). Page 21 prints
 * '财政拨款收入支出总计0.3万元' where 公开04表 (财政拨款收入支出决算总表) prints 总计 2961.68: a real disagreement.
 */
const SAMPLE = 'samples/pdf/real/shanghai-putuo-finance-bureau-2024-final.pdf';

describe('narrative cross-check (golden)', () => {
  it('compares every headline total the 情况说明 restates and reports the one the tables contradict', async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const { recognised, status } = await processDocument(bytes, localSource(bytes, SAMPLE));
    const narrative = recognised.checks.filter((c) => c.rule.startsWith('narrative.'));
    expect(narrative.map((c) => [c.rule, c.expected, c.actual, c.ok])).toEqual([
      ['narrative.grand_total', 2995.39, 2995.39, true],
      ['narrative.total_income', 2946.25, 2946.25, true],
      ['narrative.fiscal_income', 2940.05, 2940.05, true],
      ['narrative.total_expenditure', 2940.05, 2940.05, true],
      ['narrative.fiscal_grand_total', 2961.68, 0.3, false],
      ['narrative.gpb_expenditure', 2940.05, 2940.05, true],
      ['narrative.gpb_expenditure', 2940.05, 2940.05, true],
      // '“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元' against the 预算数 / 决算数 rows of 公开07表.
      ['narrative.three_public', 0.95, 0.95, true],
      ['narrative.three_public', null, 0, true],
      ['narrative.three_public.outboundTravel', null, 0, true],
      ['narrative.three_public.vehicleTotal', null, 0, true],
      ['narrative.three_public.reception', null, 0, true],
    ]);
    const disagrees = recognised.issues.filter((i) => i.code === 'narrative.disagrees');
    expect(disagrees).toHaveLength(1);
    expect(disagrees[0]!.prov?.page).toBe(21);
    expect(disagrees[0]!.message).toContain('财政拨款收入支出总计0.3万元');
    // A disagreement in print makes the document partial, never failed.
    expect(status).toBe('partial');
  }, 60_000);
});
