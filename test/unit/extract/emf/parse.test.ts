import { describe, expect, it } from 'vitest';
import { parseEmf } from '../../../../src/extract/emf/index.js';
import { parseGrid } from '../../../../scripts/docx-samples/grid-spec.js';
import { layoutTable } from '../../../../scripts/docx-samples/table-layout.js';
import { writeEmf } from '../../../../scripts/docx-samples/emf-writer.js';

const origin = { sourceId: 's', page: 1, part: 'word/media/image3.emf' };

describe('parseEmf', () => {
  const grid = parseGrid('项目|决算数\n合计|531.71');
  const layout = layoutTable(grid, { width: 200, fontSize: 10 });
  const emf = writeEmf(layout);

  it('reads EXTTEXTOUTW runs with their boxes in points and the cell rulings', () => {
    const out = parseEmf(emf, origin);
    expect(out.issues).toEqual([]);
    expect(out.width).toBeCloseTo(layout.width, 0);
    expect(out.texts.map((t) => t.text)).toEqual(['项目', '决算数', '合计', '531.71']);
    const total = out.texts[3]!;
    const laid = layout.cells[3]!;
    // The run sits inside its cell, in points, top-left origin.
    expect(total.bbox.x0).toBeGreaterThan(laid.x0);
    expect(total.bbox.x1).toBeLessThan(laid.x1);
    expect(total.bbox.y0).toBeGreaterThan(laid.y0 - 0.5);
    expect(total.bbox.y1).toBeLessThan(laid.y1 + 0.5);
    expect(total.prov).toMatchObject({ method: 'emf-text', part: 'word/media/image3.emf', page: 1 });
    // Six horizontal and six vertical cell edges (shared edges drawn once).
    expect(out.rulings.length).toBe(12);
  });

  it('reports a truncated file and keeps what came before', () => {
    const cut = emf.subarray(0, emf.length - 30);
    const out = parseEmf(cut, origin);
    expect(out.issues.map((i) => i.code)).toEqual(['emf.truncated']);
    expect(out.texts.length).toBeGreaterThan(0);
  });

  it('refuses bytes without an EMF header', () => {
    const out = parseEmf(new Uint8Array(200), origin);
    expect(out.issues[0]).toMatchObject({ severity: 'error', code: 'emf.corrupt' });
  });

  it('stops at a record whose size points past the end', () => {
    const bad = Buffer.from(emf);
    bad.writeUInt32LE(0x7ffffff0, 108 + 4);
    const out = parseEmf(bad, origin);
    expect(out.issues[0]!.code).toBe('emf.truncated');
    expect(out.texts).toEqual([]);
  });
});
