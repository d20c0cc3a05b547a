import type { GreyImage, PixelBox } from './image.js';

/**
 * Ruling lines of a table picture, found as long thin runs of dark pixels. Returned as boxes
 * (a line keeps its thickness) in image pixels. Character strokes are also dark runs, so a
 * short run counts only when it meets a line of the other direction at one of its ends.
 */
export interface PixelRulings {
  horizontal: PixelBox[];
  vertical: PixelBox[];
}

interface Along {
  /** Length along the run direction and across it. */
  len: number;
  across: number;
  dark(at: number, cross: number): boolean;
}

/** Groups per-row runs into line boxes in (along, across) coordinates. */
function linesAlong(a: Along, minLen: number, maxGap: number): PixelBox[] {
  const done: PixelBox[] = [];
  let open: PixelBox[] = [];
  for (let c = 0; c < a.across; c++) {
    const next: PixelBox[] = [];
    let start = -1;
    let lastDark = -1;
    const flush = () => {
      if (start >= 0 && lastDark - start + 1 >= minLen) {
        const seg = { x0: start, x1: lastDark + 1 };
        const hit = open.find((l) => l.x0 < seg.x1 && seg.x0 < l.x1);
        if (hit) {
          hit.x0 = Math.min(hit.x0, seg.x0);
          hit.x1 = Math.max(hit.x1, seg.x1);
          hit.y1 = c + 1;
          if (!next.includes(hit)) next.push(hit);
        } else {
          next.push({ x0: seg.x0, x1: seg.x1, y0: c, y1: c + 1 });
        }
      }
      start = -1;
    };
    for (let i = 0; i < a.len; i++) {
      if (a.dark(i, c)) {
        if (start < 0 || i - lastDark > maxGap + 1) {
          flush();
          start = i;
        }
        lastDark = i;
      }
    }
    flush();
    for (const l of open) if (!next.includes(l)) done.push(l);
    open = next;
  }
  done.push(...open);
  return done;
}

/** Joins collinear pieces of one line broken by noise or by a crossing gap. */
function joinCollinear(lines: PixelBox[], gap: number): PixelBox[] {
  const sorted = [...lines].sort((p, q) => p.y0 - q.y0 || p.x0 - q.x0);
  const out: PixelBox[] = [];
  for (const l of sorted) {
    const prev = out.find(
      (o) => Math.abs((o.y0 + o.y1) / 2 - (l.y0 + l.y1) / 2) <= 3 && l.x0 - o.x1 <= gap && o.x0 - l.x1 <= gap,
    );
    if (prev) {
      prev.x0 = Math.min(prev.x0, l.x0);
      prev.x1 = Math.max(prev.x1, l.x1);
      prev.y0 = Math.min(prev.y0, l.y0);
      prev.y1 = Math.max(prev.y1, l.y1);
    } else out.push({ ...l });
  }
  return out;
}

const swap = (b: PixelBox): PixelBox => ({ x0: b.y0, x1: b.y1, y0: b.x0, y1: b.x1 });

/** Whether a perpendicular line passes through the point (x, y) of a horizontal box's end. */
function endMeets(x: number, h: PixelBox, vs: PixelBox[], tol: number): boolean {
  return vs.some((v) => v.x0 - tol <= x && x <= v.x1 + tol && v.y0 - tol <= h.y1 && h.y0 <= v.y1 + tol);
}

/**
 * A short line is a cell border only when both its ends sit on lines of the other direction
 * (a border runs from ruling to ruling); a character stroke touches at most one.
 */
function bothEndsMeet(h: PixelBox, vs: PixelBox[], tol: number): boolean {
  return endMeets(h.x0, h, vs, tol) && endMeets(h.x1, h, vs, tol);
}

export function detectRulings(img: GreyImage, threshold: number): PixelRulings {
  const { width, height, data } = img;
  const scale = Math.max(width, height) / 1000;
  const minLen = Math.max(12, Math.round(12 * scale));
  const maxThick = Math.max(4, Math.round(4 * scale));
  const gap = Math.max(2, Math.round(scale));
  const dark = (x: number, y: number) => data[y * width + x]! <= threshold;
  const thin = (b: PixelBox) => b.y1 - b.y0 <= maxThick;
  const hs = joinCollinear(linesAlong({ len: width, across: height, dark }, minLen, gap).filter(thin), 3 * gap);
  const vs = joinCollinear(
    linesAlong({ len: height, across: width, dark: (y, x) => dark(x, y) }, minLen, gap).filter(thin),
    3 * gap,
  ).map(swap);
  // A long line stands on its own; a short one must run from line to line of the other direction
  // (long ones first: strokes of 口 or 田 also form little boxes among themselves).
  const longH = hs.filter((h) => h.x1 - h.x0 >= Math.max(width / 8, 3 * minLen));
  const longV = vs.filter((v) => v.y1 - v.y0 >= Math.max(height / 12, 3 * minLen));
  const tol = gap + 1;
  const longHSwapped = longH.map(swap);
  const keepV = [...longV, ...vs.filter((v) => !longV.includes(v) && bothEndsMeet(swap(v), longHSwapped, tol))];
  const keepH = [...longH, ...hs.filter((h) => !longH.includes(h) && bothEndsMeet(h, keepV, tol))];
  // A table ruling crosses or ends on at least two of the other direction; a bold title stroke none.
  const crosses = (h: PixelBox, others: PixelBox[]) =>
    others.filter((v) => v.x0 - tol <= h.x1 && h.x0 <= v.x1 + tol && v.y0 - tol <= h.y1 && h.y0 <= v.y1 + tol).length >=
    2;
  return {
    horizontal: keepH.filter((h) => crosses(h, keepV)),
    vertical: keepV.filter((v) => crosses(swap(v), keepH.map(swap))),
  };
}
