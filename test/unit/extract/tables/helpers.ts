import type { PositionedText, Ruling } from '../../../../src/extract/tables/types.js';

/** A run of text at (x, y) top-left, 10 pt font, CJK glyphs 1 em wide, others 0.5 em. */
export function run(text: string, x: number, y: number, size = 10): PositionedText {
  const w = [...text].reduce((s, ch) => s + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5), 0) * size;
  const bbox = { x0: x, y0: y, x1: x + w, y1: y + size };
  return {
    text,
    bbox,
    fontSize: size,
    prov: { sourceId: 's', page: 1, bbox, method: 'text-layer', extractor: 'test' },
  };
}

export const hline = (y: number, x0: number, x1: number): Ruling => ({ x0, y0: y, x1, y1: y });
export const vline = (x: number, y0: number, y1: number): Ruling => ({ x0: x, y0, x1: x, y1 });

/** Full grid rules over the given edges. */
export function grid(xs: number[], ys: number[]): Ruling[] {
  return [
    ...ys.map((y) => hline(y, xs[0]!, xs[xs.length - 1]!)),
    ...xs.map((x) => vline(x, ys[0]!, ys[ys.length - 1]!)),
  ];
}
