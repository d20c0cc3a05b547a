import { describe, expect, it } from 'vitest';
import { detectRulings } from '../../../../src/extract/ocr/rulings.js';
import { buildLattice } from '../../../../src/extract/ocr/lattice.js';
import { blank, fill, grid } from './draw.js';

describe('ruling detection and lattice from pixels', () => {
  it('finds the rules of a grid and ignores character strokes inside cells', () => {
    const img = blank(400, 200);
    grid(img, 20, 20, 4, 3, 120, 40);
    // "口"-like strokes inside a cell: a little box of 14 px sides, and a bold title bar above the table.
    fill(img, 40, 32, 54, 34);
    fill(img, 40, 46, 54, 48);
    fill(img, 40, 32, 42, 48);
    fill(img, 52, 32, 54, 48);
    fill(img, 100, 4, 300, 8);
    const r = detectRulings(img, 128);
    expect(r.horizontal).toHaveLength(5);
    expect(r.vertical).toHaveLength(4);
    expect(r.horizontal.every((h) => h.x1 - h.x0 >= 360)).toBe(true);
    const lat = buildLattice(r)!;
    expect(lat.ys.map(Math.round)).toEqual([21, 61, 101, 141, 181]);
    expect(lat.xs.map(Math.round)).toEqual([21, 141, 261, 381]);
    expect(lat.cells).toHaveLength(12);
  });

  it('merges slots where a rule is missing into spanning cells', () => {
    const img = blank(400, 200);
    // Header: first cell spans two columns (no vertical rule left of slot 0,1); last column spans two rows.
    grid(img, 20, 20, 3, 3, 120, 40, ['v:0:1', 'h:1:2']);
    const lat = buildLattice(detectRulings(img, 128))!;
    const span = lat.cells.find((c) => c.row === 0 && c.col === 0)!;
    expect(span).toMatchObject({ rowSpan: 1, colSpan: 2 });
    expect(lat.cells.find((c) => c.row === 0 && c.col === 2)).toMatchObject({ rowSpan: 2, colSpan: 1 });
    expect(lat.cells).toHaveLength(3 * 3 - 2);
  });

  it('returns no lattice for a picture without a ruled table', () => {
    const img = blank(300, 100);
    fill(img, 10, 40, 290, 42);
    expect(buildLattice(detectRulings(img, 128))).toBeUndefined();
  });
});

describe('several ruled tables in one picture', () => {
  it('builds one lattice per table, so one grid never cuts through the other', async () => {
    const { buildLattices } = await import('../../../../src/extract/ocr/lattice.js');
    const img = blank(400, 400);
    grid(img, 20, 20, 3, 3, 120, 40);
    grid(img, 60, 240, 2, 2, 100, 50);
    const lats = buildLattices(detectRulings(img, 128));
    expect(lats.map((l) => l.cells.length).sort()).toEqual([4, 9]);
    expect(lats.find((l) => l.cells.length === 4)!.bounds).toMatchObject({ x0: 61, y0: 241 });
  });
});
