import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../../bench/eval/document.js';
import { documentPath, parseGroundTruth, type Skipped } from '../../bench/eval/ground-truth.js';
import { matchDocument } from '../../bench/eval/match.js';
import { printedNumber, sameValue } from '../../bench/eval/normalise.js';
import type { EvalRecord, GtDocument, GtValue } from '../../bench/eval/types.js';

/** `npm run eval`'s matching of ground-truth values to record values (bench/eval/), on tiny records built here. */

const prov = (page: number) => ({ page });

function functional(overrides: Partial<EvalRecord> = {}): EvalRecord {
  return {
    tableType: 'final.gpb_functional',
    title: '一般公共预算财政拨款支出决算表',
    status: 'ok',
    provenance: prov(5),
    rows: [
      {
        name: '合计',
        values: { total: 2940.05, basicExpenditure: 2336.91, projectExpenditure: 603.14 },
        provenance: prov(5),
      },
      {
        code: '2010601',
        name: '行政运行',
        values: { total: 1511.89, basicExpenditure: 1503.52, projectExpenditure: 8.37 },
        provenance: prov(5),
      },
      {
        code: '2010602',
        name: '一般行政管理事务',
        values: { total: 10, basicExpenditure: null, projectExpenditure: 10 },
        provenance: prov(6),
      },
      {
        code: '2080501',
        name: '行政单位离退休',
        values: { total: 0, basicExpenditure: 0, projectExpenditure: null },
        provenance: prov(6),
      },
    ],
    ...overrides,
  };
}

const gt = (v: Partial<GtValue>): GtValue => ({ page: 5, tableType: 'final.gpb_functional', value: '', ...v });
const one = (v: Partial<GtValue>, records: EvalRecord[] = [functional()]) => matchDocument([gt(v)], records)[0]!;

describe('eval: printed cells against record values', () => {
  it("reads '-' as 0 (or nothing), drops thousands separators, and matches a blank printed cell only with null", () => {
    expect(printedNumber('2,940.05')).toBe(2940.05);
    expect(printedNumber('-')).toBe(0);
    expect(printedNumber('')).toBeNull();
    expect(printedNumber('≥90%')).toBeUndefined();
    expect(sameValue('-', 0)).toBe(true);
    expect(sameValue('0.00', 0)).toBe(true);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue('', 0)).toBe(false);
    // A dash invents no figure: a record that keeps it as null (a 自评表's "not scored") is not wrong.
    expect(sameValue('-', null)).toBe(true);
    expect(sameValue('-', 5)).toBe(false);
    expect(sameValue('1,511.89', 1511.9)).toBe(false);
    expect(sameValue('（万元）', '(万元)')).toBe(true);
  });
});

describe('eval: locating the value', () => {
  it('finds a row by its code even when the label differs, and the value under its key', () => {
    const m = one({ code: '2010601', row: '行政運行', key: 'total', value: '1,511.89' });
    expect(m).toMatchObject({ found: true, exact: true, path: 'rows.1.values.total', got: 1511.89 });
  });

  it('does not match a value under the wrong key, even when the number is in the row', () => {
    const record = functional();
    record.rows![1]!.values = { basicExpenditure: 1511.89 };
    const m = one({ code: '2010601', row: '行政运行', key: 'total', value: '1,511.89' }, [record]);
    expect(m.found).toBe(false);
    expect(m.exact).toBe(false);
    expect(m.reason).toContain("no value under key 'total'");
  });

  it("matches '-' with 0 and a blank with null, on rows of a page the table continues on", () => {
    expect(one({ page: 6, code: '2080501', row: '行政单位离退休', key: 'basicExpenditure', value: '-' })).toMatchObject(
      { exact: true, got: 0 },
    );
    expect(
      one({ page: 6, code: '2010602', row: '一般行政管理事务', key: 'basicExpenditure', value: '' }),
    ).toMatchObject({ exact: true, got: null });
    expect(one({ page: 6, code: '2010602', row: '一般行政管理事务', key: 'total', value: '' })).toMatchObject({
      found: true,
      exact: false,
      got: 10,
    });
  });

  it('finds a row by its label, full-width and spaces aside, and reports a wrong value as found but not exact', () => {
    expect(one({ row: '合 计', key: 'total', value: '2,940.05' })).toMatchObject({ exact: true });
    expect(one({ row: '合计', key: 'total', value: '2,950.05' })).toMatchObject({
      found: true,
      exact: false,
      got: 2940.05,
    });
  });

  it('needs a record of the same type on the page', () => {
    expect(one({ page: 9, row: '合计', key: 'total', value: '2,940.05' })).toMatchObject({
      found: false,
      reason: expect.stringContaining('no final.gpb_functional record on p.9'),
    });
    expect(one({ tableType: 'final.expenditure', row: '合计', key: 'total', value: '2,940.05' }).found).toBe(false);
  });

  it('takes the line of a one-line table from the printed column header when it is stored as 预算数 / 决算数 lines', () => {
    const three: EvalRecord = {
      tableType: 'final.three_public',
      status: 'ok',
      provenance: prov(18),
      rows: [
        { name: '预算数', values: { total: 0.95 }, provenance: prov(18) },
        { name: '决算数', values: { total: null }, provenance: prov(18) },
      ],
    };
    const v = { page: 18, tableType: 'final.three_public', key: 'total' };
    expect(one({ ...v, column: '财政拨款“三公”经费/合计/决算数', value: '' }, [three])).toMatchObject({
      exact: true,
      path: 'rows.1.values.total',
    });
    expect(one({ ...v, column: '财政拨款“三公”经费/合计/预算数', value: '0.95' }, [three])).toMatchObject({
      exact: true,
      path: 'rows.0.values.total',
    });
    expect(one({ ...v, column: '合计', value: '0.95' }, [three]).found).toBe(false);
  });

  it('keeps the sides of a summary table apart', () => {
    const summary: EvalRecord = {
      tableType: 'budget.summary',
      status: 'ok',
      provenance: prov(1),
      rows: [
        { side: 'income', name: '合计', values: { amount: 100 }, provenance: prov(1) },
        { side: 'expenditure_by_purpose', name: '合计', values: { amount: 90 }, provenance: prov(1) },
      ],
    };
    const v = { page: 1, tableType: 'budget.summary', row: '合计', key: 'amount' };
    expect(one({ ...v, side: 'income', value: '100.00' }, [summary])).toMatchObject({
      exact: true,
      path: 'rows.0.values.amount',
    });
    expect(one({ ...v, side: 'expenditure', value: '90.00' }, [summary])).toMatchObject({
      exact: true,
      path: 'rows.1.values.amount',
    });
  });

  it('gives each record value to one GT value: a label printed twice is told apart by its value', () => {
    const proc: EvalRecord = {
      tableType: 'budget.procurement',
      status: 'ok',
      provenance: prov(12),
      rows: [
        { name: '省政协全委会', notes: { economicItem: '会议费' }, values: { total: 140.2 }, provenance: prov(12) },
        { name: '商品和服务支出', notes: { economicItem: '会议费' }, values: { total: 62.2 }, provenance: prov(12) },
      ],
    };
    const v = { page: 12, tableType: 'budget.procurement', row: '会议费', key: 'total' };
    const [a, b] = matchDocument([gt({ ...v, value: '62.20' }), gt({ ...v, value: '140.20' })], [proc]);
    expect([a!.path, a!.exact, b!.path, b!.exact]).toEqual(['rows.1.values.total', true, 'rows.0.values.total', true]);
    // 'A/B': a line named by two of its printed labels (专项名称 / 经济科目).
    expect(one({ ...v, row: '省政协全委会/会议费', value: '140.20' }, [proc])).toMatchObject({
      exact: true,
      path: 'rows.0.values.total',
    });
    expect(one({ ...v, row: '省政协常委会/会议费', value: '12.40' }, [proc]).found).toBe(false);
  });

  it('reads form fields and indicators of the form the GT names', () => {
    const form = (name: string, total: number): EvalRecord => ({
      tableType: 'perf.project_target',
      status: 'ok',
      provenance: prov(1),
      projectName: { value: name, provenance: prov(1) },
      budget: { value: total, provenance: prov(1) },
      indicators: [
        {
          level3: '召开常委会会议次数',
          value: { operator: '≥', value: 6, unit: '次', text: '≥6次' },
          provenance: prov(1),
        },
      ],
    });
    const records = [form('会议费', 15), form('代表活动经费', 18.2)];
    const v = { page: 1, tableType: 'perf.project_target', form: '代表活动经费' };
    expect(one({ ...v, field: 'budget', value: '18.20' }, records)).toMatchObject({
      exact: true,
      path: 'budget.value',
      record: records[1],
    });
    expect(one({ ...v, indicator: '召开常委会会议次数', key: 'value.text', value: '≥6次' }, records)).toMatchObject({
      exact: true,
      path: 'indicators.0.value.text',
    });
    expect(one({ ...v, form: '招待费', field: 'budget', value: '6.04' }, records)).toMatchObject({
      found: false,
      reason: expect.stringContaining("form '招待费'"),
    });
  });
});

describe('eval: document score and silent errors', () => {
  const doc = (values: Array<Partial<GtValue>>, tables: GtDocument['tables'] = []): GtDocument => ({
    file: 'corpus/x.json',
    document: 'corpus:x.pdf',
    path: 'x.pdf',
    tables,
    values: values.map(gt),
  });

  it('lists an ok record holding a wrong or missing value as a silent error, not a partial one', () => {
    const values = [
      { row: '合计', key: 'total', value: '2,950.05' },
      { code: '2010699', row: '其他', key: 'total', value: '1.00' },
    ];
    const ok = scoreDocument(doc(values), [functional()], 'ok');
    expect(ok.tally).toMatchObject({ values: 2, found: 1, exact: 0 });
    expect(ok.silent).toHaveLength(1);
    expect(ok.silent[0]).toMatchObject({ tableType: 'final.gpb_functional', page: 5 });
    expect(ok.silent[0]!.problems.join('\n')).toMatch(/GT "2,950.05" vs 2940.05[\s\S]*missing \(no row 2010699 其他\)/);
    expect(scoreDocument(doc(values), [functional({ status: 'partial' })], 'partial').silent).toEqual([]);
  });

  it('counts tables typed by page and type, and an ok record of the wrong type is silent', () => {
    const tables = [
      { page: 5, tableType: 'final.gpb_functional' },
      { page: 8, tableType: 'final.income' },
    ];
    const wrong: EvalRecord = { tableType: 'final.expenditure', status: 'ok', provenance: prov(8), rows: [] };
    const r = scoreDocument(doc([], tables), [functional(), wrong], 'ok');
    expect([r.tally.tables, r.tally.typed]).toEqual([2, 1]);
    expect(r.silent).toEqual([
      expect.objectContaining({
        tableType: 'final.expenditure',
        problems: [expect.stringContaining('printed final.income')],
      }),
    ]);
  });

  it('takes the verified share from record.verification, and counts a record without it as unchecked', () => {
    const verified = functional({
      verification: {
        verified: 10,
        contradicted: 1,
        unchecked: 0,
        total: 11,
        share: 0.9091,
        states: { 'rows.1.values.total': 'verified' },
      },
    });
    const r = scoreDocument(
      doc([{ code: '2010601', key: 'total', value: '1,511.89' }]),
      [verified, functional({ provenance: prov(7), rows: [] })],
      'ok',
    );
    expect(r.tally.verification).toMatchObject({ verified: 10, contradicted: 1, total: 11, withoutVerification: 1 });
    expect(r.matches[0]!.state).toBe('verified');
  });
});

describe('eval: ground-truth files', () => {
  it('resolves corpus and sample documents, and skips what does not fit the format', () => {
    expect(documentPath('corpus:a.pdf', '/c')).toBe('/c/a.pdf');
    expect(documentPath('sample:samples/pdf/built/x.pdf')).toBe('samples/pdf/built/x.pdf');
    const skipped: Skipped[] = [];
    const parsed = parseGroundTruth(
      'corpus/a.json',
      { document: 'corpus:a.pdf', values: [{ page: 1, tableType: 't', value: '1' }, { page: 'x' }] },
      skipped,
    );
    expect(parsed?.values).toHaveLength(1);
    expect(skipped).toEqual([expect.objectContaining({ reason: expect.stringContaining('values[1] skipped') })]);
    expect(parseGroundTruth('corpus/b.json', { values: [] }, skipped)).toBeUndefined();
  });
});

describe('eval: blank templates', () => {
  it('takes a blank line of a table read with no figures as matched, never a printed figure', () => {
    const blank = functional({ rows: [] });
    expect(one({ row: '合计', key: 'total', value: '' }, [blank])).toMatchObject({ found: true, exact: true });
    expect(one({ row: '合计', key: 'total', value: '12.00' }, [blank])).toMatchObject({ exact: false });
    // A table with figures must show the blank line it prints.
    expect(one({ row: '不存在', key: 'total', value: '' })).toMatchObject({ exact: false });
  });
});
