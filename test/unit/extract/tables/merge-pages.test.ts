import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '../../../../src/model/document.js';
import { toTextRows } from '../../../../src/model/grid.js';
import { joinAcrossPages, type PlacedTable } from '../../../../src/extract/tables/merge-pages.js';

function table(id: string, page: number, rows: string[][], context: string[]): Table {
  const cells: Cell[] = rows.flatMap((r, row) =>
    r.map((text, col) => ({
      row,
      col,
      rowSpan: 1,
      colSpan: 1,
      text,
      prov: { sourceId: 's', page, method: 'text-layer' as const, extractor: 't' },
    })),
  );
  return {
    id,
    nRows: rows.length,
    nCols: rows[0]!.length,
    cells,
    context,
    prov: { sourceId: 's', page, method: 'text-layer', extractor: 't' },
    pages: [page],
  };
}

const placed = (t: Table, page: number, colEdges = [0, 100, 200]): PlacedTable => ({
  table: t,
  page,
  colEdges,
  firstOnPage: true,
  lastOnPage: true,
});
const title = ['公开04表', '财政拨款收入支出决算总表', '单位：万元'];

describe('joinAcrossPages', () => {
  it("joins a continuation, dropping the repeated title and header rows, keeping each row's page", () => {
    const a = table(
      'p1-t1',
      1,
      [
        ['项目', '决算数'],
        ['一、收入', '10.00'],
      ],
      title,
    );
    const b = table(
      'p2-t1',
      2,
      [
        ['项目', '决算数'],
        ['总计', '10.00'],
      ],
      title,
    );
    const [joined, ...rest] = joinAcrossPages([placed(a, 1), placed(b, 2)]);
    expect(rest).toHaveLength(0);
    expect(toTextRows(joined!)).toEqual([
      ['项目', '决算数'],
      ['一、收入', '10.00'],
      ['总计', '10.00'],
    ]);
    expect(joined!.pages).toEqual([1, 2]);
    expect(joined!.cells.filter((c) => c.row === 2).map((c) => c.prov.page)).toEqual([2, 2]);
    expect(joined!.context).toEqual(title);
  });

  it('keeps a table with a new title on the next page separate', () => {
    const a = table('p1-t1', 1, [['项目', '金额']], title);
    const b = table('p2-t1', 2, [['项目', '金额']], ['公开05表', '一般公共预算财政拨款支出决算表']);
    expect(joinAcrossPages([placed(a, 1), placed(b, 2)])).toHaveLength(2);
  });

  it('does not join when the columns do not line up', () => {
    const a = table('p1-t1', 1, [['a', 'b']], []);
    const b = table('p2-t1', 2, [['c', 'd']], []);
    expect(joinAcrossPages([placed(a, 1), placed(b, 2, [0, 150, 300])])).toHaveLength(2);
  });

  it('maps a 合计 row whose merged cell covers several columns of the first part', () => {
    const a = table(
      'p1-t1',
      1,
      [
        ['类', '款', '金额'],
        ['201', '01', '5'],
      ],
      [],
    );
    const b: Table = { ...table('p2-t1', 2, [['合计', '5']], []) };
    const joined = joinAcrossPages([placed(a, 1, [0, 50, 100, 200]), placed(b, 2, [0, 100, 200])]);
    expect(joined).toHaveLength(1);
    const total = joined[0]!.cells.filter((c) => c.row === 2);
    expect(total.map((c) => [c.col, c.colSpan, c.text])).toEqual([
      [0, 2, '合计'],
      [2, 1, '5'],
    ]);
  });
});

describe('repeated header rows', () => {
  it('drops a header repeated from the middle of the first part (seed 004 indicator header)', () => {
    const head = ['一级指标', '二级指标', '指标值'];
    const a = table('p1-t1', 1, [['部门名称', '某办公室', ''], head, ['投入', '预算', '90']], ['申报表']);
    const b = table('p2-t1', 2, [head, ['', '', '95']], []);
    const [joined] = joinAcrossPages([placed(a, 1, [0, 100, 200, 300]), placed(b, 2, [0, 100, 200, 300])]);
    expect(toTextRows(joined!)).toEqual([['部门名称', '某办公室', ''], head, ['投入', '预算', '90'], ['', '', '95']]);
  });

  it('keeps a first data row that merely resembles the header', () => {
    const a = table(
      'p1-t1',
      1,
      [
        ['类', '金额'],
        ['201', '5.00'],
      ],
      [],
    );
    const b = table('p2-t1', 2, [['201', '5.00']], []);
    const [joined] = joinAcrossPages([placed(a, 1), placed(b, 2)]);
    expect(joined!.nRows).toBe(3);
  });
});
