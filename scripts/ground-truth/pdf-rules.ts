/**
 * The ruling lines of a PDF's pages (table borders), read with poppler's `pdftocairo -svg`: the second half of the
 * checker's independent reading of the page. Text positions alone cannot tell which columns a centred group header
 * spans or which row a top-aligned value belongs to; the borders printed around the cells can.
 * Coordinates are PDF points with a top-left origin, the frame `pdftotext -bbox-layout` uses (rotation applied).
 */
import { execFileSync } from 'node:child_process';

/** A horizontal rule at `y` from `x0` to `x1`. */
export interface HRule {
  y: number;
  x0: number;
  x1: number;
}

/** A vertical rule at `x` from `y0` to `y1`. */
export interface VRule {
  x: number;
  y0: number;
  y1: number;
}

export interface PageRules {
  h: HRule[];
  v: VRule[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2: apply m2 first, then m1 (SVG nesting: the parent's transform applies last). */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a, b, c, d, e, f] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** The `transform` attribute (cairo writes `matrix(...)` only; translate/scale are accepted too). */
function parseTransform(attrs: string): Matrix {
  const t = /\btransform="([^"]*)"/.exec(attrs)?.[1];
  if (!t) return IDENTITY;
  let m = IDENTITY;
  for (const op of t.matchAll(/(matrix|translate|scale)\(([^)]*)\)/g)) {
    const n = op[2]!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (op[1] === 'matrix' && n.length === 6) m = multiply(m, n as Matrix);
    else if (op[1] === 'translate') m = multiply(m, [1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0]);
    else if (op[1] === 'scale') m = multiply(m, [n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0]);
  }
  return m;
}

interface Subpath {
  points: [number, number][];
  closed: boolean;
}

/**
 * Straight-line subpaths of a path's `d`; null when the path has curves: table borders are straight, while glyphs
 * drawn as outlines (some PScript PDFs draw their title that way) always curve somewhere, and their straight strokes
 * must not be taken for borders.
 */
function parsePathData(d: string): Subpath[] | null {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  const out: Subpath[] = [];
  let cur: Subpath | null = null;
  let x = 0;
  let y = 0;
  let cmd = '';
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (/[A-Za-z]/.test(t)) {
      cmd = t;
      i++;
      if (cmd === 'Z' || cmd === 'z') {
        if (cur) cur.closed = true;
        cur = null;
      }
      if (/[CcSsQqTtAa]/.test(cmd)) return null;
      continue;
    }
    const num = (k: number): number => Number(tokens[i + k]);
    const rel = cmd === cmd.toLowerCase();
    if (cmd === 'M' || cmd === 'm' || cmd === 'L' || cmd === 'l') {
      x = (rel ? x : 0) + num(0);
      y = (rel ? y : 0) + num(1);
      i += 2;
      if (cmd === 'M' || cmd === 'm' || !cur) {
        cur = { points: [], closed: false };
        out.push(cur);
        // Coordinates after a moveto are linetos.
        if (cmd === 'M') cmd = 'L';
        else if (cmd === 'm') cmd = 'l';
      }
      cur.points.push([x, y]);
    } else if (cmd === 'H' || cmd === 'h' || cmd === 'V' || cmd === 'v') {
      if (cmd === 'H' || cmd === 'h') x = (rel ? x : 0) + num(0);
      else y = (rel ? y : 0) + num(0);
      i += 1;
      if (!cur) {
        cur = { points: [], closed: false };
        out.push(cur);
      }
      cur.points.push([x, y]);
    } else i++;
  }
  return out;
}

const styleOf = (attrs: string, prop: string): string | undefined =>
  new RegExp(`(?:^|[;"\\s])${prop}:([^;"]*)`).exec(/\bstyle="([^"]*)"/.exec(attrs)?.[1] ?? '')?.[1]?.trim() ??
  new RegExp(`\\b${prop}="([^"]*)"`).exec(attrs)?.[1];

/** White paint erases (page backgrounds, cell fills); it draws no border. */
const isWhite = (paint: string): boolean => /^(#fff(fff)?|white|rgb\(100%,\s*100%,\s*100%\))$/i.test(paint);

/** Longest side at least this long for a segment or a thin box to count as a border (points). */
const MIN_RULE = 3;
/** A filled box at most this thick is a border drawn as a rectangle (Excel, WPS, LibreOffice print them so). */
const MAX_THICKNESS = 3;

function collect(page: PageRules, subpaths: Subpath[], m: Matrix, stroked: boolean, filled: boolean): void {
  for (const sp of subpaths) {
    const pts = sp.points.map(([px, py]) => apply(m, px, py));
    if (stroked) {
      const segs = pts.slice(1).map((p, k) => [pts[k]!, p] as const);
      if (sp.closed && pts.length > 2) segs.push([pts[pts.length - 1]!, pts[0]!]);
      for (const [[ax, ay], [bx, by]] of segs) {
        if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_RULE)
          page.h.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
        else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= MIN_RULE)
          page.v.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
      }
    }
    if (filled && pts.length >= 3) {
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (y1 - y0 <= MAX_THICKNESS && x1 - x0 >= MIN_RULE) page.h.push({ y: (y0 + y1) / 2, x0, x1 });
      else if (x1 - x0 <= MAX_THICKNESS && y1 - y0 >= MIN_RULE) page.v.push({ x: (x0 + x1) / 2, y0, y1 });
    }
  }
}

/** Parses the SVG `pdftocairo -svg` writes (one `<page>` per page when several) into each page's rules (index 0 = page 1). */
export function parseSvgRules(svg: string): PageRules[] {
  const pages: PageRules[] = [];
  const stack: Matrix[] = [IDENTITY];
  let skip = 0;
  const re = /<(\/?)([a-zA-Z]+)\b([^>]*?)(\/?)>/g;
  for (let m = re.exec(svg); m; m = re.exec(svg)) {
    const [, close, tag, attrs, selfClose] = m as unknown as [string, string, string, string, string];
    // Glyph symbols, clip paths and masks define shapes; they are not painted where they are defined.
    if (/^(defs|symbol|clipPath|mask|pattern)$/.test(tag)) {
      if (!selfClose) skip += close ? -1 : 1;
      continue;
    }
    if (skip > 0) continue;
    if (tag === 'page' || (tag === 'svg' && !close && !pages.length)) {
      if (!close && tag === 'page') pages.push({ h: [], v: [] });
      continue;
    }
    if (tag === 'g') {
      if (close) stack.pop();
      else if (!selfClose) stack.push(multiply(stack[stack.length - 1]!, parseTransform(attrs)));
      continue;
    }
    if (tag !== 'path' || close) continue;
    if (!pages.length) pages.push({ h: [], v: [] });
    const d = /\bd="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const subpaths = parsePathData(d);
    if (!subpaths) continue;
    const stroke = styleOf(attrs, 'stroke') ?? 'none';
    const fill = styleOf(attrs, 'fill') ?? 'black';
    const stroked = stroke !== 'none' && !isWhite(stroke);
    const filled = fill !== 'none' && !isWhite(fill);
    collect(
      pages[pages.length - 1]!,
      subpaths,
      multiply(stack[stack.length - 1]!, parseTransform(attrs)),
      stroked,
      filled,
    );
  }
  return pages.map(mergeRules);
}

/** Joins collinear pieces (ONLYOFFICE draws each cell's border on its own) into whole rules. */
function mergeRules(page: PageRules): PageRules {
  const merge = <R>(
    rules: R[],
    pos: (r: R) => number,
    lo: (r: R) => number,
    hi: (r: R) => number,
    make: (p: number, a: number, b: number) => R,
  ): R[] => {
    const sorted = [...rules].sort((a, b) => pos(a) - pos(b) || lo(a) - lo(b));
    const out: R[] = [];
    const groups: R[][] = [];
    for (const r of sorted) {
      const g = groups[groups.length - 1];
      if (g && Math.abs(pos(r) - pos(g[0]!)) <= 1) g.push(r);
      else groups.push([r]);
    }
    for (const g of groups) {
      const p = g.reduce((s, r) => s + pos(r), 0) / g.length;
      const spans = g.map((r) => [lo(r), hi(r)] as [number, number]).sort((a, b) => a[0] - b[0]);
      let [a, b] = spans[0]!;
      for (const [c, e] of spans.slice(1)) {
        if (c <= b + 1.5) b = Math.max(b, e);
        else {
          out.push(make(p, a, b));
          [a, b] = [c, e];
        }
      }
      out.push(make(p, a, b));
    }
    return out;
  };
  return {
    h: merge(
      page.h,
      (r) => r.y,
      (r) => r.x0,
      (r) => r.x1,
      (y, x0, x1) => ({ y, x0, x1 }),
    ),
    v: merge(
      page.v,
      (r) => r.x,
      (r) => r.y0,
      (r) => r.y1,
      (x, y0, y1) => ({ x, y0, y1 }),
    ),
  };
}

/**
 * Every page's rules (`pages` pages), one poppler run per page: in one multi-page SVG cairo sizes every page like the
 * first, and drops what a landscape page draws beyond a portrait first page's width.
 */
export function readPdfRules(file: string, pages: number): PageRules[] {
  const out: PageRules[] = [];
  for (let p = 1; p <= pages; p++) {
    const svg = execFileSync('pdftocairo', ['-svg', '-f', String(p), '-l', String(p), file, '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    out.push(parseSvgRules(svg)[0] ?? { h: [], v: [] });
  }
  return out;
}
