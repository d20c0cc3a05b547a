import { describe, expect, it } from 'vitest';
import type { RecognisedRecord } from '../../src/recognise/types.js';
import { display, recordGrid } from '../../src/serve/record-grid.js';

const at = (page: number, x0: number, y0: number, extra: Record<string, unknown> = {}) => ({
  sourceId: 'a'.repeat(64),
  page,
  method: 'text-layer',
  extractor: 'pdf/pdfjs@5.6.205',
  bbox: { x0, y0, x1: x0 + 50, y1: y0 + 15 },
  ...extra,
});

const base = {
  title: '表',
  unit: '万元',
  region: {},
  department: '某局',
  year: 2024,
  kind: 'budget',
  checks: [
    { rule: 'a', expected: 1, actual: 2, ok: false, tolerance: 0 },
    { rule: 'b', expected: 1, actual: 1, ok: true, tolerance: 0 },
  ],
  issues: [],
  provenance: at(1, 0, 0),
  metaProvenance: { department: at(1, 0, 0) },
  status: 'partial',
  versions: {},
};

describe('recordGrid', () => {
  it('spreads an amount table’s values into columns, each with its cell’s box, state and printed decimals', () => {
    const record = {
      ...base,
      tableType: 'budget.gpb_functional',
      tableId: 'p1-t1',
      printedDecimals: 2,
      rows: [
        {
          code: '201',
          name: '一般公共服务支出',
          level: 1,
          values: { total: 438.2, basic: null },
          provenance: at(1, 10, 100),
          cells: { total: at(1, 200, 100) },
        },
        {
          name: '合计',
          values: { total: 500, project: 61.8 },
          provenance: at(2, 10, 50),
          cells: { total: at(2, 200, 50), project: at(2, 300, 50) },
        },
      ],
      verification: {
        verified: 1,
        contradicted: 1,
        unchecked: 1,
        total: 3,
        share: 0.33,
        states: { 'rows.0.values.total': 'verified', 'rows.1.values.total': 'contradicted' },
      },
    } as unknown as RecognisedRecord;
    const g = recordGrid(record);
    expect(g).toMatchObject({
      tableId: 'p1-t1',
      failedChecks: 1,
      verification: { verified: 1, contradicted: 1, total: 3 },
    });
    expect(g.sections).toHaveLength(1);
    const [rows] = g.sections;
    expect(rows!.columns).toEqual(['code', 'name', 'total', 'basic', 'project']);
    const [first, second] = rows!.rows;
    expect(first!.map((c) => c.text)).toEqual(['201', '一般公共服务支出', '438.20', '', '']);
    expect(first![2]).toMatchObject({
      state: 'verified',
      numeric: true,
      source: { page: 1, bbox: { x0: 200, y0: 100 } },
    });
    // A blank has no box of its own; the label cell carries the line's.
    expect(first![3]!.source).toBeUndefined();
    expect(first![1]!.source?.bbox?.x0).toBe(10);
    expect(second![2]).toMatchObject({ text: '500.00', state: 'contradicted', source: { page: 2 } });
    expect(second![4]).toMatchObject({ text: '61.80', source: { bbox: { x0: 300 } } });
  });

  it('lays a 绩效 form out as its labelled fields and its indicator lines, OCR confidence kept', () => {
    const record = {
      ...base,
      tableType: 'perf.project_target',
      rows: [],
      projectName: { label: '项目名称', value: '绿化养护', provenance: at(1, 100, 60) },
      budget: {
        total: { label: '年度资金总额', value: 18.2, provenance: at(1, 100, 80, { method: 'ocr', confidence: 0.91 }) },
      },
      spendingPlan: [{ label: '3月底', month: 3, percent: 25, provenance: at(1, 100, 120) }],
      indicators: [
        {
          level1: '产出指标',
          level2: '数量指标',
          level3: '养护面积',
          value: { operator: '≥', value: 13459, unit: '平方米', text: '≥13459.00(平方米)' },
          provenance: at(1, 10, 200),
          cells: { level1: at(1, 10, 200), value: at(1, 300, 200) },
        },
      ],
      implementer: { label: '实施单位', value: '虹口区绿化管理中心', provenance: at(1, 100, 70) },
      verification: {
        verified: 1,
        contradicted: 0,
        unchecked: 0,
        total: 1,
        share: 1,
        states: { 'budget.total.value': 'verified' },
      },
    } as unknown as RecognisedRecord;
    const g = recordGrid(record);
    expect(g.sections.map((s) => s.name)).toEqual(['fields', 'spendingPlan', 'indicators']);
    const fields = g.sections[0]!;
    expect(fields.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['项目名称', '绿化养护'],
      ['实施单位', '虹口区绿化管理中心'],
      ['年度资金总额', '18.2'],
    ]);
    expect(fields.rows[2]![1]).toMatchObject({ state: 'verified', source: { method: 'ocr', confidence: 0.91 } });
    // A spending-plan entry is one printed cell: every column points at it.
    expect(g.sections[1]!.rows[0]!.every((c) => c.source?.bbox?.y0 === 120)).toBe(true);
    const indicators = g.sections[2]!;
    expect(indicators.columns).toEqual(['level1', 'level2', 'level3', 'value']);
    expect(indicators.rows[0]!.map((c) => c.text)).toEqual(['产出指标', '数量指标', '养护面积', '≥13459.00(平方米)']);
    expect(indicators.rows[0]![3]!.source?.bbox?.x0).toBe(300);
    expect(indicators.rows[0]![1]!.source).toBeUndefined();
    expect(indicators.rows[0]![2]!.source?.bbox?.x0).toBe(10);
  });

  it('shows an unrecognised table as its raw cells, merged cells spanning', () => {
    const cell = (row: number, col: number, text: string, span: Record<string, number> = {}) => ({
      row,
      col,
      text,
      rowSpan: 1,
      colSpan: 1,
      ...span,
      prov: at(4, col * 50, row * 20),
    });
    const record = {
      ...base,
      tableType: 'unknown',
      rows: [],
      cells: [
        cell(1, 0, '1'),
        cell(0, 0, '序号'),
        cell(0, 1, '单位名称', { colSpan: 2 }),
        cell(1, 1, '上海市 XX 局'),
        cell(1, 2, ''),
      ],
    } as unknown as RecognisedRecord;
    const [raw] = recordGrid(record).sections;
    expect(raw!.name).toBe('cells');
    expect(raw!.columns).toEqual([]);
    expect(raw!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '单位名称'],
      ['1', '上海市 XX 局', ''],
    ]);
    expect(raw!.rows[0]![1]).toMatchObject({ colSpan: 2, source: { page: 4 } });
  });

  it('displays values as printed', () => {
    expect(display({ text: '≥90%', value: 90 })).toBe('≥90%');
    expect(display(['优秀', '良好'])).toBe('优秀、良好');
    expect(display(null)).toBe('');
    expect(display({ label: '预算数', value: 3 })).toBe('3');
  });
});
