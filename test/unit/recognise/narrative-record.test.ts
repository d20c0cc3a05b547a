import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../src/model/document.js';
import type { NarrativeFigure } from '../../../schemas/narrative.js';
import { documentChecksCover } from '../../../src/recognise/document-trust.js';
import { narrativeOfDocument } from '../../../src/recognise/narrative/index.js';
import { recogniseDocument } from '../../../src/recognise/registry.js';
import { documentStatus } from '../../../src/pipeline/handlers.js';
import type { DocumentMeta, RecognisedRecord } from '../../../src/recognise/types.js';

const SOURCE = 'c'.repeat(64);

/** A DOCX-like narrative: one run per paragraph, as Jiangsu's 情况说明 prints them (jiangsu-party-office-2018). */
function docOf(paragraphs: string[]): ExtractedDocument {
  return {
    source: { id: SOURCE, url: 'file:test', fetchedAt: '2026-01-01T00:00:00Z', mediaType: 'x', size: 1 },
    format: 'docx',
    pages: [
      {
        number: 1,
        runs: paragraphs.map((text, i) => ({
          text,
          prov: { sourceId: SOURCE, page: 1, locator: `p[${i + 1}]`, method: 'structure' as const, extractor: 't@0' },
        })),
      },
    ],
    tables: [],
    meta: [],
    status: 'ok',
    issues: [],
    versions: {},
  };
}

const META: DocumentMeta = {
  region: { province: '江苏省' },
  department: '江苏省委办公厅',
  year: 2018,
  kind: 'budget',
  provenance: {},
};

const NARRATIVE = [
  '江苏省委办公厅2018年度部门预算公开文件',
  '一、收支预算总体情况说明',
  '江苏省委办公厅2018年度收入、支出预算总计24458.43万元，与上年相比收、支预算总计各增加3608.98万元，增长17.31%。',
  '（一）收入预算总计24458.43万元。包括：',
  '1．一般公共服务（类）支出20153.75万元，主要用于保障机构正常运转。与上年相比增加3161.38万元。',
  '此外，基本支出预算数为10403.11万元。与上年相比增加439.04万元。',
  '六、财政拨款基本支出预算情况说明',
  '江苏省委办公厅2018年度财政拨款基本支出预算10403.11万元，其中：',
  '（7）会议费（款）支出66.72万元。',
  '江苏省委办公厅2018年度一般公共预算拨款安排的会议费预算支出933.50万元，与上年预算数一致。',
  '2．公务用车购置及运行费预算支出411.20万元。其中：（1）公务用车购置预算支出0万元，与上年预算数一致。',
  '二、收入预算情况说明',
  '江苏省委办公厅本年收入预算合计24458.44万元。',
];

const figures = (doc: ExtractedDocument, records: RecognisedRecord[] = []) => {
  const { records: out, issues } = narrativeOfDocument(doc, META, records);
  const record = out[0];
  return { record, issues, figures: (record?.figures ?? []) as NarrativeFigure[] };
};

describe('the narrative record (src/recognise/narrative/narrative-record.ts)', () => {
  it('keeps every headline figure once, with its stage, subject as printed, sentence and provenance', () => {
    const { record, figures: all } = figures(docOf(NARRATIVE));
    expect(record).toMatchObject({
      tableType: 'narrative',
      tableId: 'narrative',
      status: 'ok',
      kind: 'budget',
      unit: '万元',
    });
    const got = Object.fromEntries(all.map((f) => [f.key, f.printed]));
    expect(got).toEqual({
      total_expenditure: '24458.43',
      grand_total: '24458.43',
      total_income: '24458.43',
      'class.201': '20153.75',
      basic_expenditure: '10403.11',
      fiscal_basic_expenditure: '10403.11',
      meeting: '933.50',
      'three_public.vehicleTotal': '411.20',
      'three_public.vehiclePurchase': '0',
    });
    const income = all.find((f) => f.key === 'total_income')!;
    expect(income).toMatchObject({ stage: 'budget', label: '收入预算总计', unit: '万元', value: 24458.43 });
    expect(income.provenance.locator).toBe('p[4]');
    expect(all.find((f) => f.key === 'class.201')).toMatchObject({ code: '201', label: '一般公共服务(类)支出' });
    expect(record!.documentTitle).toBe('江苏省委办公厅2018年度部门预算公开文件');
  });

  it('never reads a comparison or an economic 款 of 公用经费 as a figure', () => {
    const { figures: all } = figures(docOf(NARRATIVE));
    const values = all.map((f) => f.printed);
    for (const v of ['3608.98', '3161.38', '439.04', '66.72']) expect(values).not.toContain(v);
  });

  it('keeps the first of two different statements of one figure, and says so', () => {
    const { record } = figures(docOf(NARRATIVE));
    expect(record!.issues.map((i) => i.code)).toEqual(['narrative.figure_restated']);
    expect(record!.issues[0]!.message).toContain('24458.44');
  });

  it('a narrative check that holds verifies the narrative figure as well as the table’s', () => {
    const row = {
      name: '当年收入小计',
      side: 'income',
      values: { amount: 24458.43 },
      provenance: { sourceId: SOURCE, page: 1, method: 'text-layer', extractor: 't' },
    };
    const summary = {
      tableType: 'budget.summary',
      tableId: 't1',
      kind: 'budget',
      unit: '万元',
      rows: [row],
      provenance: row.provenance,
      checks: [],
      issues: [],
      status: 'ok',
    } as unknown as RecognisedRecord;
    const doc = docOf(['二、收入预算情况说明', '江苏省委办公厅本年收入预算合计24458.43万元。']);
    const result = narrativeOfDocument(doc, META, [summary]);
    const check = result.checks.find((c) => c.rule === 'narrative.total_income')!;
    expect(check.ok).toBe(true);
    const record = result.records[0]!;
    documentChecksCover([summary, record], result.checks);
    expect(check.covers).toEqual(['t1:rows.0.values.amount', 'narrative:figures.0.value']);
    expect(record.verification?.states?.['figures.0.value']).toBe('verified');
    expect(summary.verification?.states?.['rows.0.values.amount']).toBe('verified');
  });

  it('makes no record for a document whose text states no figure', () => {
    expect(figures(docOf(['第一部分 部门概况', '主要职能：负责机关日常运转。'])).record).toBeUndefined();
  });

  it('a narrative-only document yields its figures as its one record, and still says it prints no table', () => {
    const doc = docOf([
      '江苏省政协办公厅2017年部门预算',
      '一、收支预算总表情况说明',
      '2017年收入预算总额24458.43万元。',
    ]);
    const result = recogniseDocument(doc);
    expect(result.records.map((r) => r.tableType)).toEqual(['narrative']);
    expect((result.records[0]!.figures as NarrativeFigure[]).map((f) => [f.key, f.printed])).toEqual([
      ['total_income', '24458.43'],
    ]);
    expect(result.issues.map((i) => i.code)).toContain('document.no_tables');
    expect(documentStatus('ok', result.records, result.checks, result.issues)).toBe('partial');
    expect(result.verification).toMatchObject({ total: 1, unchecked: 1, share: 0 });
  });
});
