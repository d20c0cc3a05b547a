import { describe, expect, it } from 'vitest';
import { reconstructTables } from '../../../../src/extract/tables/index.js';
import { latticeFrames } from '../../../../src/extract/tables/lattice.js';
import { grid, hline, run, vline } from './helpers.js';

const texts = (cells: Array<{ row: number; col: number; text: string }>) =>
  cells.map((c) => `${c.row},${c.col}:${c.text}`);

describe('lattice', () => {
  it('finds rows and columns from ruling lines', () => {
    const [f] = latticeFrames(grid([0, 100, 200], [0, 20, 40, 60]));
    expect(f?.rowEdges).toEqual([0, 20, 40, 60]);
    expect(f?.colEdges).toEqual([0, 100, 200]);
    expect(f?.spans).toHaveLength(6);
  });

  it('turns a missing rule into a span, never copying the text', () => {
    // Top row has no middle rule: one cell spanning two columns.
    const rulings = [
      hline(0, 0, 200),
      hline(20, 0, 200),
      hline(40, 0, 200),
      vline(0, 0, 40),
      vline(200, 0, 40),
      vline(100, 20, 40),
    ];
    const { tables } = reconstructTables([run('收入', 80, 5), run('项目', 10, 25), run('金额', 110, 25)], rulings);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect([t.nRows, t.nCols]).toEqual([2, 2]);
    expect(t.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text])).toEqual([
      [0, 0, 1, 2, '收入'],
      [1, 0, 1, 1, '项目'],
      [1, 1, 1, 1, '金额'],
    ]);
  });

  it('joins rules drawn cell by cell and ignores double rules closer than 3 pt', () => {
    const rulings = [
      hline(0, 0, 100),
      hline(0, 100, 200),
      hline(1.2, 0, 200),
      hline(20, 0, 200),
      vline(0, 0, 20),
      vline(100, 0, 20),
      vline(200, 0, 20),
    ];
    const [f] = latticeFrames(rulings);
    expect(f?.rowEdges.length).toBe(2);
    expect(f?.spans.map((s) => s.colSpan)).toEqual([1, 1]);
  });

  it('keeps text outside the frame for captions and drops boxes without text', () => {
    const rulings = [...grid([0, 100, 200], [50, 70, 90]), ...grid([0, 50], [200, 220])];
    const { tables, outside } = reconstructTables(
      [run('收入决算表', 50, 30), run('a', 10, 55), run('b', 110, 75)],
      rulings,
    );
    expect(tables).toHaveLength(1);
    expect(outside.map((o) => o.text)).toEqual(['收入决算表']);
  });

  it('splits a run printed across two cells at the column edge', () => {
    const { tables } = reconstructTables([run('合计100.00', 10, 5)], grid([0, 30, 200], [0, 20]));
    // '合计' is 20 pt wide from x=10: it ends at 30, where the column edge is.
    expect(texts(tables[0]!.cells)).toEqual(['0,0:合计', '0,1:100.00']);
  });
});

describe('open-sided tables', () => {
  it('closes a table printed without left and right borders at the ends of its rules', () => {
    // Horizontal rules from 0 to 300, vertical rules only between columns (at 100 and 200).
    const rulings = [hline(0, 0, 300), hline(20, 0, 300), hline(40, 0, 300), vline(100, 0, 40), vline(200, 0, 40)];
    const { tables } = reconstructTables(
      [run('项目', 10, 5), run('预算数', 110, 5), run('备注', 210, 5), run('合计', 10, 25), run('9.00', 110, 25)],
      rulings,
    );
    expect(tables[0]?.colEdges).toEqual([0, 100, 200, 300]);
    expect(texts(tables[0]!.cells)).toEqual(['0,0:项目', '0,1:预算数', '0,2:备注', '1,0:合计', '1,1:9.00', '1,2:']);
  });
});
