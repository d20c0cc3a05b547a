import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, Page } from '../../../src/model/document.js';
import type { DocumentMeta, RecognisedRecord } from '../../../src/recognise/types.js';
import { narrativeChecks } from '../../../src/recognise/narrative/index.js';
import { narrativeSentences } from '../../../src/recognise/narrative/sentences.js';
import { statementsIn } from '../../../src/recognise/narrative/statements.js';
import { pageNumberRuns } from '../../../src/recognise/narrative/page-numbers.js';

const SOURCE = 'b'.repeat(64);
const prov = (locator: string, page = 1) => ({
  sourceId: SOURCE,
  page,
  locator,
  method: 'structure' as const,
  extractor: 'test@0',
});

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

const meta = (kind: DocumentMeta['kind'], year = 2019): DocumentMeta => ({
  region: {},
  department: null,
  year,
  kind,
  provenance: {},
});

function record(
  tableType: string,
  unit: string,
  rows: Array<{ name: string; side?: string; values: Record<string, number | null> }>,
): RecognisedRecord {
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
    {
      name: '预算数',
      values: {
        total: 14.31,
        outboundTravel: 0,
        reception: 4.88,
        vehicleTotal: 9.43,
        vehiclePurchase: 0,
        vehicleOperation: 9.43,
      },
    },
    {
      name: '决算数',
      values: {
        total: 12.73,
        outboundTravel: 0,
        reception: 4.35,
        vehicleTotal: 8.38,
        vehiclePurchase: 0,
        vehicleOperation: 8.38,
      },
    },
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
  const one = (text: string, year: number | null = 2019) =>
    statementsIn({ text: narrativeSentences(docOf([text]))[0]!.text, prov: prov('p') }, year);

  it('reads a total right after its label, in 万元 or 元, with its printed precision', () => {
    expect(one('2025年，上海市财政局收入预算17,192万元，')).toEqual([
      expect.objectContaining({ measure: 'total_income', value: 17192, unit: '万元', decimals: 0 }),
    ]);
    expect(one('本年支出合计 2940.05 万元')).toEqual([
      expect.objectContaining({ measure: 'total_expenditure', value: 2940.05, decimals: 2 }),
    ]);
    expect(one('财政拨款收入支出总计1,234.50元。')).toEqual([
      expect.objectContaining({ measure: 'fiscal_grand_total', value: 1234.5, unit: '元' }),
    ]);
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
    expect(one('公用经费52.48万元，主要包括办公费2.84万元，公务接待费4.35万元，公务用车运行维护费8.38万元。')).toEqual(
      [],
    );
    expect(
      one('（二）公务用车购置及运行费32.20万元，与2024年预算持平。').map((x) => [x.column, x.stage, x.value]),
    ).toEqual([['vehicleTotal', undefined, 32.2]]);
  });

  it('joins the wrapped line fragments of a PDF page outside its tables', () => {
    const runs = [
      '本年收入合计',
      '2946.25',
      '万元，其中： 财政拨款收入',
      '2940.05',
      '万元，占',
      '99.79%',
      '；',
      '合计',
      '9.99',
      '万元',
    ].map((text, i) => ({
      text,
      prov: {
        ...prov(`r${i}`),
        bbox: i < 7 ? { x0: 10 * i, y0: 100, x1: 10 * i + 9, y1: 110 } : { x0: 10, y0: 400, x1: 50, y1: 410 },
      },
    }));
    const doc = docOf([], [{ number: 1, runs }]);
    doc.tables = [
      {
        id: 't1',
        nRows: 1,
        nCols: 1,
        cells: [],
        context: [],
        prov: { ...prov('t1'), bbox: { x0: 0, y0: 390, x1: 500, y1: 420 } },
      },
    ];
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
    expect(checks.filter((c) => c.rule.startsWith('narrative.three_public')).map((c) => c.expected)).toEqual([
      14.31, 12.73, 0, 0, 8.38, 4.35,
    ]);
    expect(checks.every((c) => c.tolerance === 0.01)).toBe(true);
    expect(issues.map((i) => [i.code, i.prov?.locator])).toEqual([
      ['narrative.disagrees', 'p[3]'],
      ['narrative.disagrees', 'p[4]'],
    ]);
    expect(issues[0]!.message).toContain('2019年财政拨款支出531.84万元');
  });

  it('converts 万元 to the table unit and allows the printed precision', () => {
    const records = [
      record('budget.summary', '元', [{ side: 'income', name: '收入总计', values: { amount: 171915169 } }]),
    ];
    const { checks } = narrativeChecks(
      docOf(['2025年，上海市财政局收入预算17,192万元。']),
      meta('budget', 2025),
      records,
    );
    expect(checks).toEqual([
      expect.objectContaining({
        rule: 'narrative.total_income',
        expected: 171915169,
        actual: 171920000,
        tolerance: 5000,
        ok: true,
      }),
    ]);
    const off = narrativeChecks(docOf(['2025年，上海市财政局收入预算17,193万元。']), meta('budget', 2025), records);
    expect(off.checks[0]!.ok).toBe(false);
  });

  it('makes no check where no table prints the figure or the table has no unit', () => {
    expect(narrativeChecks(docOf(['总收入533.64万元。']), meta('final'), []).checks).toEqual([]);
    const noUnit = [
      record('final.summary', '', [{ side: 'income', name: '本年收入合计', values: { amount: 533.64 } }]),
    ];
    expect(narrativeChecks(docOf(['总收入533.64万元。']), meta('final'), noUnit).checks).toEqual([]);
  });
});

/** A PDF-like page of A4 height: one run per printed line, top to bottom, in the order given (a footer may come first). */
function pdfPage(number: number, lines: Array<string | { text: string; y: number; x?: number }>): Page {
  let y = 80;
  return {
    number,
    width: 595,
    height: 842,
    runs: lines.map((l, i) => {
      const at = typeof l === 'string' ? { text: l, y: (y += 30), x: 74 } : { x: 279, ...l };
      return {
        text: at.text,
        prov: {
          ...prov(`p${number}r${i}`, number),
          bbox: { x0: at.x, y0: at.y, x1: at.x + 16 * at.text.length, y1: at.y + 16 },
        },
      };
    }),
  };
}

/** Jiangsu (江苏省委办公厅 2018 部门预算) as printed: 公开表 totals, 政府采购支出预算表 合计, 机关运行经费 合计. */
const JIANGSU_RECORDS = [
  record('budget.summary', '万元', [
    { side: 'income', name: '本年收入合计', values: { amount: 24458.43 } },
    { side: 'expenditure', name: '本年支出合计', values: { amount: 24458.43 } },
  ]),
  record('budget.procurement', '万元', [
    { name: '合计', values: { total: 1449.5 } },
    { name: '一、货物A', values: { total: 90 } },
  ]),
  record('budget.operating_costs', '万元', [{ name: '合计', values: { total: 2094.58 } }]),
];

describe('narrative subjects: a figure is compared with the table figure its sentence names', () => {
  const checksOf = (doc: ExtractedDocument, records = JIANGSU_RECORDS) =>
    narrativeChecks(doc, meta('budget', 2018), records).checks;
  const pairs = (doc: ExtractedDocument, records = JIANGSU_RECORDS) =>
    checksOf(doc, records).map((c) => [c.rule, c.expected, c.actual, c.ok]);

  it('compares a 政府采购 sentence with the procurement table, never with total spending', () => {
    const doc = docOf([
      '（二）支出预算总计24458.43万元。',
      '十二、政府采购支出预算情况说明2018年度政府采购支出预算总额1449.50万元，其中：拟采购货物支出90万元、拟购买服务支出1359.50万元。',
    ]);
    expect(pairs(doc)).toEqual([
      ['narrative.total_expenditure', 24458.43, 24458.43, true],
      ['narrative.procurement', 1449.5, 1449.5, true],
    ]);
    // Parts of the procurement total (货物类 / 服务类) restate no table figure.
    expect(
      checksOf(docOf(['其中，货物类政府采购支出预算259.32万元，占20.40%；服务类政府采购支出预算1,011.90万元。'])),
    ).toEqual([]);
  });

  it('makes no check when the subject of a sentence has no table figure (an unchecked figure is no failure)', () => {
    const summaryOnly = JIANGSU_RECORDS.slice(0, 1);
    expect(checksOf(docOf(['2018年度政府采购支出预算总额1449.50万元。']), summaryOnly)).toEqual([]);
    expect(
      checksOf(
        docOf(['2018年本部门一般公共预算机关运行经费预算支出2094.58万元，与上年相比减少8007.18万元。']),
        summaryOnly,
      ),
    ).toEqual([]);
    // A 决算 prints no procurement table: 政府采购金额 stays unchecked there.
    const final = [
      record('final.summary', '万元', [{ side: 'expenditure', name: '本年支出合计', values: { amount: 2940.05 } }]),
    ];
    expect(
      narrativeChecks(
        docOf(['上海市普陀区财政局2024年度政府采购金额(以合同签订为准)为251.25万元。']),
        meta('final', 2024),
        final,
      ).checks,
    ).toEqual([]);
  });

  it('compares 机关运行经费 with its own table, or with the 三公 table column that prints it', () => {
    const doc = docOf([
      '十一、一般公共预算机关运行经费支出预算情况说明2018年本部门一般公共预算机关运行经费预算支出2094.58万元，与上年相比减少8007.18万元，降低79.27%。',
    ]);
    expect(pairs(doc)).toEqual([['narrative.operating_costs', 2094.58, 2094.58, true]]);
    const shanghai = [
      record('budget.three_public', '万元', [{ name: '预算数', values: { total: 346.3, operatingCosts: 2517.78 } }]),
    ];
    const sentence = docOf(['二、机关运行经费预算2025年上海市财政局财政拨款的机关运行经费预算为2,517.78万元。']);
    expect(
      narrativeChecks(sentence, meta('budget', 2025), shanghai).checks.map((c) => [c.rule, c.expected, c.ok]),
    ).toEqual([['narrative.operating_costs', 2517.78, true]]);
  });

  it('keeps a sentence broken across lines one sentence, so the break does not start a new subject', () => {
    // HTML / paragraph runs: the amount on the next line belongs to the label before the break.
    const lines = docOf(['2018年度政府采购支出预算总额', '1449.50万元，其中：拟采购货物支出90万元。']);
    expect(narrativeSentences(lines).map((s) => s.text)).toEqual([
      '2018年度政府采购支出预算总额1449.50万元,其中:拟采购货物支出90万元。',
    ]);
    expect(pairs(lines)).toEqual([['narrative.procurement', 1449.5, 1449.5, true]]);
    // A heading is a paragraph of its own.
    expect(
      narrativeSentences(docOf(['三、政府采购预算情况', '2025年本部门政府采购预算34万元。'])).map((s) => s.text),
    ).toEqual(['三、政府采购预算情况', '2025年本部门政府采购预算34万元。']);
    // A PDF page break inside the sentence: the second page's '支出预算总额…' is not a new sentence about total spending.
    const pdf = docOf(
      [],
      [
        pdfPage(1, ['十二、政府采购支出预算情况说明', '江苏省委办公厅2018年度政府采购']),
        pdfPage(2, ['支出预算总额1449.50万元。']),
      ],
    );
    expect(narrativeSentences(pdf).map((s) => [s.text, s.prov.page])).toEqual([
      ['十二、政府采购支出预算情况说明江苏省委办公厅2018年度政府采购支出预算总额1449.50万元。', 1],
    ]);
    expect(pairs(pdf)).toEqual([['narrative.procurement', 1449.5, 1449.5, true]]);
  });

  it('does not run a page on into the next one across a table', () => {
    const doc = docOf([], [pdfPage(1, ['2018年度政府采购']), pdfPage(2, ['支出预算总额1449.50万元。'])]);
    doc.tables = [
      {
        id: 't1',
        nRows: 1,
        nCols: 1,
        cells: [],
        context: [],
        prov: { ...prov('t1', 2), bbox: { x0: 0, y0: 20, x1: 595, y1: 100 } },
      },
    ];
    expect(narrativeSentences(doc).map((s) => s.text)).toEqual(['2018年度政府采购', '支出预算总额1449.50万元。']);
  });

  it('leaves the page number of a page break out of the sentence and of the quoted excerpt', () => {
    // Jiangsu PDFs draw the footer first: page 2's stream opens with its page number '4' (y = 781 of 842).
    const page1 = pdfPage(1, [
      '江苏省委办公厅2018年度收入、支出预算总计24458.43万元，与上年相比收、支预算总计各增加3608.98万元，增长',
    ]);
    const page2 = pdfPage(2, [
      { text: '4', y: 781 },
      '17.31%。',
      '二、收入预算情况说明江苏省委办公厅本年收入预算合计24458.43万元。',
    ]);
    const page3 = pdfPage(3, [{ text: '- 5 -', y: 781 }, '其中：一般公共预算收入24458.43万元。']);
    expect(pageNumberRuns(page2).size).toBe(1);
    const doc = docOf([], [page1, page2, page3]);
    const texts = narrativeSentences(doc).map((s) => s.text);
    expect(texts).toEqual([
      '江苏省委办公厅2018年度收入、支出预算总计24458.43万元,与上年相比收、支预算总计各增加3608.98万元,增长17.31%。',
      '二、收入预算情况说明江苏省委办公厅本年收入预算合计24458.43万元。',
      '其中:一般公共预算收入24458.43万元。',
    ]);
    // The excerpt a check quotes holds no page number: the 'off' figure is reported with the sentence as printed.
    const off = [
      record('budget.summary', '万元', [{ side: 'income', name: '本年收入合计', values: { amount: 24458.34 } }]),
    ];
    const page = (n: number, footer: string, text: string) => pdfPage(n, [{ text: footer, y: 781 }, text]);
    const doc2 = docOf(
      [],
      [page(1, '- 3 -', '三、支出预算情况说明。'), page(2, '- 4 -', '江苏省委办公厅本年收入预算合计24458.43万元。')],
    );
    const { checks, issues } = narrativeChecks(doc2, meta('budget', 2018), off);
    expect(checks.map((c) => [c.ok, c.description])).toEqual([
      [false, '收支总表 本年收入合计 = 说明「江苏省委办公厅本年收入预算合计24458.43万元。」'],
    ]);
    expect(issues.map((i) => [i.code, i.prov?.page])).toEqual([['narrative.disagrees', 2]]);
    expect(issues[0]!.message).toContain('「江苏省委办公厅本年收入预算合计24458.43万元。」');
    // Paragraph runs: a footer paragraph between two halves of a sentence is dropped and the sentence continues.
    expect(
      narrativeSentences(docOf(['本年收入合计2946.25万元，', '- 3 -', '其中：财政拨款收入2940.05万元。'])).map(
        (s) => s.text,
      ),
    ).toEqual(['本年收入合计2946.25万元,其中:财政拨款收入2940.05万元。']);
  });

  it('keeps numbers that are not page numbers: a cover year, a figure line inside the page', () => {
    const page = pdfPage(1, [{ text: '2024', y: 790 }, '收入合计', { text: '12', y: 110, x: 200 }]);
    expect(pageNumberRuns(page).size).toBe(0);
  });
});
