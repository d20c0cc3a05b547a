import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvChunk } from '../../../src/export/csv.js';
import { VALUE_COLUMNS, valueRows } from '../../../src/export/value-rows.js';
import { DOC, deptTargetRecord, projectSelfevalRecord, stored, summaryRecord } from './fixtures.js';

describe('valueRows', () => {
  it('writes one row per value, in printed (left to right) order, with the cell provenance of each', () => {
    const rows = valueRows(stored(summaryRecord()));
    expect(rows.map((r) => [r.rowIndex, r.columnKey, r.value])).toEqual([
      [1, 'amount', 531.71],
      [1, 'publicFunds', 12.5],
      [2, 'amount', null],
    ]);
    expect(rows[0]).toMatchObject({
      documentId: DOC,
      sourceUrl: 'https://example.gov.cn/abab.pdf',
      fileName: 'abab.pdf',
      tableId: 't3',
      tableType: 'final.summary',
      unit: '万元',
      province: '陕西省',
      city: '咸阳市',
      county: '杨陵区',
      year: 2019,
      kind: 'final',
      recordStatus: 'ok',
      rowCode: '2010101',
      rowLevel: 3,
      rowSide: 'income',
      page: 3,
      bbox: '300 120.5 360 134',
      method: 'text-layer',
      extractor: 'pdf/pdfjs@5.6.205',
    });
    expect(rows[1]).toMatchObject({ bbox: '420 120.5 480 134', method: 'ocr', confidence: 0.91 });
  });

  it("falls back to the row's provenance for a value without its own cell", () => {
    const [, , blank] = valueRows(stored(summaryRecord()));
    expect(blank).toMatchObject({
      rowName: '其他支出',
      rowSide: 'expenditure',
      value: null,
      locator: 'table[3]/row[9]/cell[1]',
      method: 'structure',
      bbox: undefined,
    });
  });

  it('survives CSV: a name with a comma, quote and line break and a null value read back unchanged', () => {
    const text = csvChunk(valueRows(stored(summaryRecord())), VALUE_COLUMNS, { header: true });
    const back = parse(text, { columns: true }) as Record<string, string>[];
    expect(back).toHaveLength(3);
    expect(back[0]).toMatchObject({
      rowName: '行政运行,"机关"\n（本级）',
      value: '531.71',
      bbox: '300 120.5 360 134',
      rowLevel: '3',
    });
    expect(back[2]).toMatchObject({ rowName: '其他支出', value: '', bbox: '', confidence: '' });
    expect(Object.keys(back[0]!)).toEqual([...VALUE_COLUMNS]);
  });

  it('emits the funding lines of a perf record and nothing for a form without rows', () => {
    expect(valueRows(stored(projectSelfevalRecord())).map((r) => `${r.rowName}:${r.columnKey}=${r.value}`)).toEqual([
      '年度资金总额:budget=22',
      '年度资金总额:executed=21',
      '年度资金总额:rate=95.45',
    ]);
    expect(valueRows(stored(deptTargetRecord()))).toEqual([]);
  });
});
