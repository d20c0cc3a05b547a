import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, Page } from '../../../src/model/document.js';
import type { DocumentMeta, RecognisedRecord } from '../../../src/recognise/types.js';
import { narrativeChecks } from '../../../src/recognise/narrative/index.js';
import { narrativeSentences } from '../../../src/recognise/narrative/sentences.js';
import { statementsIn } from '../../../src/recognise/narrative/statements.js';

const SOURCE = 'b'.repeat(64);
const prov = (locator: string, page = 1) => ({ sourceId: SOURCE, page, locator, method: 'structure' as const, extractor: 'test@0' });

/** A DOCX-like document: one run per paragraph. */
function docOf(paragraphs: string[], pages?: Page[]): ExtractedDocument {
  return {
    source: { id: SOURCE, url: 'file:test', fetchedAt: '2026-01-01T00:00:00Z', mediaType: 'x', size: 1 },
    format: 'docx',
    pages: pages ?? [{ number: 1, runs: paragraphs.map((text, i) => ({ text, prov: prov(`p[${i + 1}]`) })) }],
    tables: [],
    meta: [],
    status: 'ok',
    issues: [],
    versions: {},
  };
}

const meta = (kind: DocumentMeta['kind'], year = 2019): DocumentMeta => ({ region: {}, department: null, year, kind, provenance: {} });

function record(tableType: string, unit: string, rows: Array<{ name: string; side?: string; values: Record<string, number | null> }>): RecognisedRecord {
  return {
    tableType,
    title: '',
    unit,
    region: {},
    department: null,
    year: 2019,
    kind: tableType.startsWith('final.') ? 'final' : 'budget',
    rows: rows.map((r) => ({ ...r, provenance: prov('t') })),
    checks: [],
    issues: [],
    provenance: prov('t'),
    metaProvenance: {},
    status: 'ok',
    versions: {},
  } as RecognisedRecord;
}

/** Seed 001 (杨陵区人大常委会办公室 2019 决算): the table figures as printed in 公开01/04/05/07表. */
const SEED001_RECORDS = [
  record('final.summary', '万元', [
    { side: 'income', name: '本年收入合计', values: { amount: 533.64 } },
    { side: 'income', name: '收入总计', values: { amount: 538.12 } },
    { side: 'expenditure', name: '本年支出合计', values: { amount: 531.84 } },
  ]),
  record('final.fiscal_summary', '万元', [
    { side: 'income', name: '本年收入合计', values: { amount: 531.71 } },
    { side: 'expenditure', name: '本年支出合计', values: { total: 531.71, generalBudget: 531.71, govFund: null } },
  ]),
  record('final.gpb_functional', '万元', [{ name: '合计', values: { total: 531.71 } }]),
  record('final.three_public', '万元', [
    { name: '预算数', values: { total: 14.31, outboundTravel: 0, reception: 4.88, vehicleTotal: 9.43, vehiclePurchase: 0, vehicleOperation: 9.43 } },
    { name: '决算数', values: { total: 12.73, outboundTravel: 0, reception: 4.35, vehicleTotal: 8.38, vehiclePurchase: 0, vehicleOperation: 8.38 } },
  ]),
];

/** Sentences of seed 001 第三部分 情况说明, as printed. */
const SEED001_NARRATIVE = [
  '杨陵区人大办2019年度总收入533.64万元，较上年419.34万元增加114.3万元，主要原因是人员及工资福利增加；总支出531.84万元，较上年417.77万元增加114.07万元，主要原因是人员及工资福利支出增加。',
  '2019年收入合计533.64万元，其中：财政拨款收入531.71万元，占99.64%；其他收入1.93万元，占0.36%。',
  '2019年财政拨款支出531.84万元，较上年416.57万元增加115.27万元，主要原因是人员及工资福利支出增加。',
  '2019 年财政拨款支出年初预算为427.55万元，支出决算为531.84万元，完成年初预算的124.39%。2019年度一般公共预算财政拨款总支出531.84万元，按政府功能分类科目，其中：一般公共服务支出488.71万元。',
  '2019年“三公”经费财政拨款支出预算为14.31万元，支出决算为12.73万元，完成预算的88.96%。',
  '2019年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务用车购置费支出0万元，占0%；公务用车运行维护费支出决算8.38万元，占65.83%；公务接待费支出决算4.35万元，占34.17%。',
  '2019年因公出国（境）团组0个，0人次，预算为0万元，支出决算为0万元。',
];

describe('narrative statements', () => {
  const one = (text: string, year: number | null = 2019) => statementsIn({ text: narrativeSentences(docOf([text]))[0]!.text, prov: prov('p') }, year);

  it('reads a total right after its label, in 万元 or 元, with its printed precision', () => {
    expect(one('2025年，上海市财政局收入预算17,192万元，')).toEqual([expect.objectContaining({ measure: 'total_income', value: 17192, unit: '万元', decimals: 0 })]);
    expect(one('本年支出合计 2940.05 万元')).toEqual([expect.objectContaining({ measure: 'total_expenditure', value: 2940.05, decimals: 2 })]);
    expect(one('财政拨款收入支出总计1,234.50元。')).toEqual([expect.objectContaining({ measure: 'fiscal_grand_total', value: 1234.5, unit: '元' })]);
  });

  it('skips labels that a qualifier turns into another figure, and placeholders', () => {
    expect(one('较上年总收入419.34万元')).toEqual([]);
    expect(one('2018年总收入419.34万元')).toEqual([]);
    expect(one('政府性基金拨款支出预算0万元，比2024年预算持平；')).toEqual([]);
    expect(one('国有资本经营预算拨款支出预算0.00万元')).toEqual([]);
    expect(one('基本支出合计490.68万元')).toEqual([]);
    expect(one('财政拨款支出年初预算为427.55万元，支出决算为531.84万元')).toEqual([]);
    expect(one('上海市 XX 局 2024 年度收入支出总计 XXX 万元。')).toEqual([]);
  });

  it('reads 三公 budget and final figures and their parts', () => {
    const s = one('2019年公务用车运行维护费预算为9.43万元，支出决算为8.38万元，完成预算的88.86%。');
    expect(s.map((x) => [x.column, x.stage, x.value])).toEqual([
      ['vehicleOperation', 'budget', 9.43],
      ['vehicleOperation', 'final', 8.38],
    ]);
    // Seed 001 lists 公务接待费 among the 公用经费 of 公开06表: not a 三公 statement.
    expect(one('公用经费52.48万元，主要包括办公费2.84万元，公务接待费4.35万元，公务用车运行维护费8.38万元。')).toEqual([]);
    expect(one('（二）公务用车购置及运行费32.20万元，与2024年预算持平。').map((x) => [x.column, x.stage, x.value])).toEqual([['vehicleTotal', undefined, 32.2]]);
  });

  it('joins the wrapped line fragments of a PDF page outside its tables', () => {
    const runs = ['本年收入合计', '2946.25', '万元，其中： 财政拨款收入', '2940.05', '万元，占', '99.79%', '；', '合计', '9.99', '万元'].map((text, i) => ({
      text,
      prov: { ...prov(`r${i}`), bbox: i < 7 ? { x0: 10 * i, y0: 100, x1: 10 * i + 9, y1: 110 } : { x0: 10, y0: 400, x1: 50, y1: 410 } },
    }));
    const doc = docOf([], [{ number: 1, runs }]);
    doc.tables = [{ id: 't1', nRows: 1, nCols: 1, cells: [], context: [], prov: { ...prov('t1'), bbox: { x0: 0, y0: 390, x1: 500, y1: 420 } } }];
    const sentences = narrativeSentences(doc);
    expect(sentences.map((s) => s.text)).toEqual(['本年收入合计2946.25万元,其中:财政拨款收入2940.05万元,占99.79%;']);
    expect(sentences[0]!.prov.locator).toBe('r0');
  });
});

describe('narrative cross-check', () => {
  it('compares the seed 001 narrative with its tables and reports the two figures that disagree in print', () => {
    const { checks, issues } = narrativeChecks(docOf(SEED001_NARRATIVE), meta('final'), SEED001_RECORDS);
    // Every restated figure is compared (the end-to-end list is in test/golden/narrative.test.ts); only
    // 财政拨款支出 531.84 (公开03表's 合计) disagrees with 公开04/05表, which print 531.71: a real disagreement.
    expect(checks).toHaveLength(12);
    expect(checks.filter((c) => !c.ok).map((c) => [c.rule, c.expected, c.actual])).toEqual([
      ['narrative.fiscal_expenditure', 531.71, 531.84],
      ['narrative.gpb_expenditure', 531.71, 531.84],
    ]);
    expect(checks.filter((c) => c.rule.startsWith('narrative.three_public')).map((c) => c.expected)).toEqual([14.31, 12.73, 0, 0, 8.38, 4.35]);
    expect(checks.every((c) => c.tolerance === 0.01)).toBe(true);
    expect(issues.map((i) => [i.code, i.prov?.locator])).toEqual([
      ['narrative.disagrees', 'p[3]'],
      ['narrative.disagrees', 'p[4]'],
    ]);
    expect(issues[0]!.message).toContain('2019年财政拨款支出531.84万元');
  });

  it('converts 万元 to the table unit and allows the printed precision', () => {
    const records = [record('budget.summary', '元', [{ side: 'income', name: '收入总计', values: { amount: 171915169 } }])];
    const { checks } = narrativeChecks(docOf(['2025年，上海市财政局收入预算17,192万元。']), meta('budget', 2025), records);
    expect(checks).toEqual([expect.objectContaining({ rule: 'narrative.total_income', expected: 171915169, actual: 171920000, tolerance: 5000, ok: true })]);
    const off = narrativeChecks(docOf(['2025年，上海市财政局收入预算17,193万元。']), meta('budget', 2025), records);
    expect(off.checks[0]!.ok).toBe(false);
  });

  it('makes no check where no table prints the figure or the table has no unit', () => {
    expect(narrativeChecks(docOf(['总收入533.64万元。']), meta('final'), []).checks).toEqual([]);
    const noUnit = [record('final.summary', '', [{ side: 'income', name: '本年收入合计', values: { amount: 533.64 } }])];
    expect(narrativeChecks(docOf(['总收入533.64万元。']), meta('final'), noUnit).checks).toEqual([]);
  });
});
