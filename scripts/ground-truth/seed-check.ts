/**
 * Confirms a ground-truth file of a sample rebuilt from a seed (`checkedWith: "seed:<file>"`) against the seed
 * text, the independent reading of what the sample prints (test/ground-truth/README.md, "Checker"): each value in a
 * table region whose title names its table type and is one of the file's `tables`, on the row printing its label
 * (and code), under its printed header path at the column's position (seed-columns.ts); a form field next to or
 * under its printed label. The seed has no pages, so `page` is not checked here.
 */
import type { GroundTruthFile, GroundTruthTable, GroundTruthValue, ValueVerdict } from './types.js';
import type { TableVerdict } from './pdf-check.js';
import { readSeed, regions, type Seed, type SeedRegion, type SeedRow } from './seed-rows.js';
import { cellUnder, headerText, INDICATOR_HEADER } from './seed-columns.js';
import { headerParts, numberOf, sameValue, squash } from './text.js';

const seeds = new Map<string, Seed>();
function seedOf(text: string): Seed {
  let s = seeds.get(text);
  if (!s) seeds.set(text, (s = readSeed(text)));
  return s;
}

/** A printed title is the typed one, or holds it (a title printed with its number or year around it). */
const sameTitle = (printed: string, typed: string): boolean =>
  printed === squash(typed) || printed.includes(squash(typed));

const filled = (c: string): boolean => squash(c) !== '';

/** The rows a value is looked for in: the table rows of a region, or its text lines where it prints no table. */
function usable(region: SeedRegion): SeedRow[] {
  const grid = region.rows.filter((r) => r.kind !== 'text');
  return grid.length ? grid : region.rows;
}

/** The fund scope a title names (as in pdf-check.ts). */
function scopeOf(title: string): 'general_budget' | 'fiscal' | null {
  return title.includes('一般公共预算') ? 'general_budget' : title.includes('财政拨款') ? 'fiscal' : null;
}

/** The regions the value may stand in: titled as its table type and as one of the file's tables, holding its form. */
function regionsFor(seed: Seed, gt: GroundTruthFile, v: GroundTruthValue): { regions: SeedRegion[]; reason?: string } {
  const all = regions(seed);
  const typed = all.filter((r) => r.title.type === v.tableType);
  if (!typed.length) return { regions: [], reason: `the seed prints no table titled as a ${v.tableType}` };
  const tables = gt.tables.filter((t) => t.tableType === v.tableType);
  let rs = typed.filter((r) => tables.some((t) => sameTitle(r.title.text, t.title)));
  if (!rs.length)
    return {
      regions: [],
      reason: `no ${v.tableType} title of the seed is one of the file's tables (${typed.map((r) => r.title.text).join(', ')})`,
    };
  if (v.scope) rs = rs.filter((r) => scopeOf(r.title.text) === v.scope);
  if (v.form) {
    const form = squash(v.form);
    rs = rs.filter(
      (r) => r.title.text.includes(form) || r.rows.some((row) => row.cells.some((c) => squash(c) === form)),
    );
  }
  if (!rs.length)
    return {
      regions: [],
      reason: `no ${v.tableType} table${v.form ? ` of form "${v.form}"` : ''}${v.scope ? ` of the ${v.scope} scope` : ''} in the seed`,
    };
  return { regions: rs };
}

/** A 三级指标 cell may carry its points (`预算完成率（10分）`); the indicator is typed without them, as `level3`. */
const withoutPoints = (s: string): string => s.replace(/\(\d+(\.\d+)?分\)$/, '');

/** The cell of `row` holding the value's row label (or indicator), with its code and group labels left of it; -1 if none. */
function labelCell(row: SeedRow, v: GroundTruthValue): number {
  const cells = row.cells.map(squash);
  if (v.indicator !== undefined) {
    const want = squash(v.indicator);
    return cells.findIndex((c) => c === want || (c !== '' && withoutPoints(c) === want));
  }
  const parts = (v.row ?? '').split('/').map(squash).filter(Boolean);
  const code = v.code ? squash(v.code) : null;
  const label = parts.pop();
  if (label === undefined) return code ? cells.indexOf(code) : -1;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] !== label) continue;
    const left = cells.slice(0, i);
    if (code && !left.includes(code)) continue;
    let from = 0;
    const groups = parts.every((p) => {
      const at = left.indexOf(p, from);
      from = at + 1;
      return at >= 0;
    });
    if (groups) return i;
  }
  return -1;
}

/** A line's value (amount table or indicator): the cell under its column on the one row printing its label. */
function checkLineValue(v: GroundTruthValue, rs: SeedRegion[]): string | null {
  if (v.column === undefined) return 'a line value needs the printed column header';
  if (v.side) {
    const top = headerParts(v.column)[0] ?? '';
    if (!top.includes(v.side === 'income' ? '收入' : '支出'))
      return `side ${v.side} but the column path "${v.column}" names the other half`;
  }
  // A seed may print a table twice (a workbook's cells, then its preview): the value is confirmed by a region that
  // prints its row once (or alike on every row printing the label) with the value under the column.
  const what =
    v.indicator !== undefined ? `indicator "${v.indicator}"` : `row ${[v.code, v.row].filter(Boolean).join(' ')}`;
  let reason: string | undefined;
  for (const region of rs) {
    const rows = usable(region);
    const hits: { printed: string; line: number }[] = [];
    for (const row of rows) {
      const at = labelCell(row, v);
      if (at < 0) continue;
      const res = cellUnder(rows, row, at, v.column, v.value, v.indicator !== undefined ? INDICATOR_HEADER : undefined);
      if (res.printed === null) reason ??= `${res.reason} (seed line ${row.line})`;
      else hits.push({ printed: res.printed, line: row.line });
    }
    if (!hits.length) continue;
    if (hits.some((h) => !sameValue(h.printed, hits[0]!.printed))) {
      reason = `${what} is printed on several rows with different cells under "${v.column}": ${hits.map((h) => `"${h.printed.trim()}" (line ${h.line})`).join(', ')}`;
      continue;
    }
    if (sameValue(v.value, hits[0]!.printed)) return null;
    reason = `under "${v.column}" the seed prints "${hits[0]!.printed.trim()}" (line ${hits[0]!.line}), not "${v.value}"`;
  }
  return (
    reason ??
    `${what} is not printed in the table${rs.length > 1 ? 's' : ''} titled ${rs.map((r) => `"${r.title.text}"`).join(', ')}`
  );
}

/** A row of figures only (`25.00 | 50.00 | 75.00`, `754.38 | 754.38 | | |`): the values of the label row above it. */
const isValueRow = (row: SeedRow): boolean => {
  const cells = row.cells.filter(filled);
  return cells.length > 0 && cells.every((c) => numberOf(c) !== null);
};

/**
 * What a form prints for its label: the cell under it when the next row holds only figures (a label row over a
 * value row, `3月底 | 6月底` over `25.00 | 50.00`), else the next filled cell right of it, else a blank.
 */
function besideLabel(rows: SeedRow[], r: number, i: number): string {
  const row = rows[r]!;
  const below = rows[r + 1];
  if (below && below.kind === row.kind && isValueRow(below)) {
    if (row.cells.filter(filled).length === 1 && below.cells.filter(filled).length === 1)
      return below.cells.find(filled)!;
    if (below.cells.length === row.cells.length) return below.cells[i] ?? '';
  }
  return row.cells.slice(i + 1).find(filled) ?? '';
}

/** A form's header field: printed next to its label, under it (a label row over a value row), or in its cell. */
function checkField(v: GroundTruthValue, rs: SeedRegion[]): string | null {
  if (v.label === undefined) return 'a form field needs its printed label';
  const label = headerText(v.label).replace(/:$/, '');
  const printed: string[] = [];
  for (const region of rs) {
    const rows = usable(region);
    rows.forEach((row, r) => {
      row.cells.forEach((c, i) => {
        const t = headerText(c);
        if (t.replace(/:$/, '') === label) printed.push(besideLabel(rows, r, i));
        else if (t.startsWith(`${label}:`)) printed.push(t.slice(label.length + 1));
      });
    });
  }
  if (!printed.length) return `label "${v.label}" is not printed in the form`;
  if (printed.some((p) => sameValue(v.value, p))) return null;
  return `beside "${v.label}" the seed prints ${[...new Set(printed.map((p) => `"${p.trim()}"`))].join(' / ')}, not "${v.value}"`;
}

export function checkAgainstSeed(gt: GroundTruthFile, seedText: string): ValueVerdict[] {
  const seed = seedOf(seedText);
  return gt.values.map((v, index) => {
    const { regions: rs, reason } = regionsFor(seed, gt, v);
    let why: string | null = reason ?? null;
    if (!why) {
      if (v.field !== undefined) why = checkField(v, rs);
      else if (v.indicator !== undefined || v.row !== undefined || v.code !== undefined) why = checkLineValue(v, rs);
      else why = 'a value needs a row, code, indicator or form field';
    }
    return why ? { index, ok: false, reason: why } : { index, ok: true };
  });
}

/** Each listed table: a title of the seed naming its type, and its unit printed near the title (`单位：万元`). */
export function checkSeedTables(gt: GroundTruthFile, seedText: string): TableVerdict[] {
  const seed = seedOf(seedText);
  const all = regions(seed);
  return gt.tables.map((t: GroundTruthTable, index) => {
    const found = all.filter((r) => r.title.type === t.tableType && sameTitle(r.title.text, t.title));
    if (!found.length) {
      const named = all.find((r) => sameTitle(r.title.text, t.title));
      return {
        index,
        ok: false,
        reason: named ? `"${t.title}" names a ${named.title.type}` : `title "${t.title}" is not printed in the seed`,
      };
    }
    if (t.unit) {
      const near = (r: SeedRegion) =>
        r.rows.slice(0, 8).some((row) => {
          const text = squash(row.cells.join(''));
          return text.includes(`单位:${t.unit}`) || text.includes(`(${t.unit})`);
        });
      if (!found.some(near)) return { index, ok: false, reason: `unit ${t.unit} is not printed under "${t.title}"` };
    }
    return { index, ok: true };
  });
}
