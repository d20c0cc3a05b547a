import { describe, expect, it } from 'vitest';
import { outsideLines, rereadLines } from '../../../../src/extract/ocr/lines.js';
import type { Lattice } from '../../../../src/extract/ocr/lattice.js';
import type { OcrWord } from '../../../../src/extract/ocr/types.js';
import { blank } from './draw.js';

const word = (text: string, x0: number, y0: number, x1: number, y1: number): OcrWord => ({
  text,
  confidence: 0.9,
  bbox: { x0, y0, x1, y1 },
});
const lattice = (x0: number, y0: number, x1: number, y1: number): Lattice => ({
  ys: [y0, y1],
  xs: [x0, x1],
  cells: [],
  rulings: [],
  bounds: { x0, y0, x1, y1 },
});

describe('lines outside the table grids', () => {
  const title = word('一般公共预算财政拨款支出决算表', 100, 10, 500, 40);
  const dept = word('编制部门:威阳市杨陵区人民代表大会常务委员会办公安', 20, 60, 400, 78);
  // Same printed line as dept, a little lower: one line, read left to right.
  const unit = word('金额单位:万元', 500, 62, 600, 80);
  const cell = word('工资福利支出', 40, 120, 140, 140);
  const page = word('- 3 -', 280, 700, 320, 715);

  it('groups the words above and below a table into printed lines, skipping cells and lines without Chinese', () => {
    const lines = outsideLines([unit, cell, title, dept, page], [lattice(10, 100, 690, 680)]);
    expect(lines.map((l) => l.map((w) => w.text))).toEqual([[title.text], [dept.text, unit.text]]);
  });

  it('reads nothing again without a table, or when the page is running text', async () => {
    expect(outsideLines([title, dept], [])).toEqual([]);
    const text = Array.from({ length: 30 }, (_, i) => word(`第${i}行正文`, 20, 800 + i * 30, 400, 820 + i * 30));
    expect(outsideLines(text, [lattice(10, 100, 690, 680)])).toEqual([]);
    // No line to read: the words come back as they were, without starting tesseract.
    const words = [cell];
    const budget = { deadline: Date.now() + 1000, what: 'test' };
    expect(
      await rereadLines(words, [lattice(10, 100, 690, 680)], {
        img: blank(700, 720),
        threshold: 128,
        scale: 2,
        budget,
        binarize: false,
      }),
    ).toBe(words);
  });
});
