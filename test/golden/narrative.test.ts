import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localSource, processDocument } from '../../src/pipeline/process-document.js';
import { corpusAvailable, corpusFile } from '../helpers/corpus.js';

/**
 * The narrative cross-check on a real 决算: 上海市普陀区财政局 2024 (read from the corpus). Figures written from the
 * printed pages (pdftotext -layout, p. 21–22) and the reviewed table snapshot
 * (test/snapshots/records/shanghai-putuo-finance-bureau-2024-final.pdf.expected.json). Page 21 prints
 * '财政拨款收入支出总计0.3万元' where 公开04表 (财政拨款收入支出决算总表) prints 总计 2961.68: a real disagreement.
 */
const CORPUS_NAME = 'shanghai-putuo-finance-bureau-2024-final.pdf';
/** Seed 001 rebuilt, its 第三部分 一–九 printed as in the seed (scripts/docx-samples/seed-001-narrative.ts). */
const SEED001 = 'samples/docx/yangling-2019-final.docx';

async function run(path: string) {
  const bytes = new Uint8Array(readFileSync(path));
  return processDocument(bytes, localSource(bytes, path));
}

describe('narrative cross-check (golden)', () => {
  it.runIf(corpusAvailable([CORPUS_NAME]))(
    'compares every headline total the 情况说明 restates and reports the one the tables contradict',
    async () => {
      const { recognised, status } = await run(corpusFile(CORPUS_NAME));
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
    },
    60_000,
  );

  it('finds the seed 001 totals in the DOCX narrative; 财政拨款支出 531.84 disagrees with 公开04/05表 (531.71) in print', async () => {
    const { recognised } = await run(SEED001);
    const narrative = recognised.checks.filter((c) => c.rule.startsWith('narrative.'));
    expect(narrative.map((c) => [c.rule, c.expected, c.actual, c.ok])).toEqual([
      // 总收入533.64万元 … 总支出531.84万元 (公开01表 本年收入合计 / 本年支出合计)
      ['narrative.total_income', 533.64, 533.64, true],
      ['narrative.total_expenditure', 531.84, 531.84, true],
      ['narrative.total_income', 533.64, 533.64, true],
      ['narrative.fiscal_income', 531.71, 531.71, true],
      ['narrative.total_expenditure', 531.84, 531.84, true],
      ['narrative.fiscal_income', 531.71, 531.71, true],
      ['narrative.fiscal_expenditure', 531.71, 531.84, false],
      ['narrative.fiscal_expenditure', 531.71, 531.84, false],
      ['narrative.gpb_expenditure', 531.71, 531.84, false],
      // 公开07表 (read by OCR from the PNG): 预算数 14.31 / 决算数 12.73 and their parts.
      ['narrative.three_public', 14.31, 14.31, true],
      ['narrative.three_public', 12.73, 12.73, true],
      ['narrative.three_public.outboundTravel', 0, 0, true],
      ['narrative.three_public.vehiclePurchase', 0, 0, true],
      ['narrative.three_public.vehicleOperation', 8.38, 8.38, true],
      ['narrative.three_public.reception', 4.35, 4.35, true],
      ['narrative.three_public.vehicleOperation', 9.43, 9.43, true],
      ['narrative.three_public.vehicleOperation', 8.38, 8.38, true],
    ]);
    const disagrees = recognised.issues.filter((i) => i.code === 'narrative.disagrees');
    expect(disagrees.map((i) => i.prov?.part)).toEqual(['word/document.xml', 'word/document.xml', 'word/document.xml']);
    expect(disagrees[2]!.message).toContain('2019年度一般公共预算财政拨款总支出531.84万元');
  }, 120_000);
});
