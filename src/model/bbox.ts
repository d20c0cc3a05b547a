import type { BBox } from './document.js';

/** Smallest box holding all given boxes; undefined for none. */
export function unionBox(boxes: Array<BBox | undefined>): BBox | undefined {
  let out: BBox | undefined;
  for (const b of boxes) {
    if (!b) continue;
    out = out
      ? {
          x0: Math.min(out.x0, b.x0),
          y0: Math.min(out.y0, b.y0),
          x1: Math.max(out.x1, b.x1),
          y1: Math.max(out.y1, b.y1),
        }
      : { ...b };
  }
  return out;
}

/** Boxes rounded to 0.01 pt, so golden files do not churn on float noise. */
export function roundBox(b: BBox): BBox {
  const r = (v: number) => Math.round(v * 100) / 100;
  return { x0: r(b.x0), y0: r(b.y0), x1: r(b.x1), y1: r(b.y1) };
}
