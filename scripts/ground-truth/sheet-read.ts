/**
 * Reads a workbook's sheets with LibreOffice (test/ground-truth/README.md, "Workbook check"), not with SheetJS,
 * which the pipeline reads workbooks with. Two exports of one `soffice --headless` each:
 *
 * - CSV, one file per sheet (filter option 12 = -1): the cells' texts, as the sheet prints them (raw numbers, not
 *   their display format); `soffice` reports each sheet it writes (`Writing sheet <name> -> <file>`), in sheet order;
 * - HTML, one document for all sheets: where each cell is merged over (colspan / rowspan) and which cells have borders,
 *   which CSV drops (a merged header's text stands in its first cell only; trailing rows of empty bordered cells, the
 *   one line of a blank template table, are not written).
 *
 * Both readings must agree on every printed cell's text (a number the CSV writes raw the HTML prints formatted); when
 * they do not, the workbook is not read. A text the file keeps in a cell a merge covers is not printed and is dropped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { numberOf, squash } from './text.js';

/** One printed cell of a sheet: 0-based rows and columns, `r1`/`c1` the last row / column it is merged over. */
export interface SheetCell {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  /** The CSV text of the cell (its first row and column), as printed, not squashed. */
  text: string;
  /** Whether the cell draws a border on any side (HTML export). */
  bordered: boolean;
}

export interface Sheet {
  /** 1-based sheet index: the `page` of a ground-truth value. */
  index: number;
  name: string;
  rows: number;
  cols: number;
  /** Every cell position's cell (merged cells repeated over the positions they cover). */
  at(r: number, c: number): SheetCell | undefined;
  /** Distinct cells, row by row, left to right. */
  cells: SheetCell[];
}

/** The CSV filter: comma, double quote, UTF-8, from line 1, standard cells, raw values, every sheet (-1). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const TIMEOUT_MS = 180_000;

export function haveSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * One conversion. `profile` is a LibreOffice user profile of this reading (in its temporary folder, removed with it):
 * the conversion meets no other running soffice's profile.
 */
function soffice(filter: string, file: string, outDir: string, profile: string): string {
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--convert-to',
    filter,
    '--outdir',
    outDir,
    file,
  ];
  try {
    return execFileSync('soffice', args, { encoding: 'utf8', timeout: TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error(
        'LibreOffice (soffice) is not installed: it reads the workbooks (libreoffice-calc-nogui, bash scripts/install-system-deps.sh)',
      );
    throw new Error(`soffice --convert-to ${filter.split(':')[0]} ${file} failed: ${e.stderr ?? String(err)}`);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const cellText = (html: string): string =>
  decode(
    html
      .replace(/<comment>[\s\S]*?<\/comment>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  );

interface HtmlCell {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  text: string;
  bordered: boolean;
}

interface HtmlSheet {
  name: string;
  cells: HtmlCell[];
}

/** The HTML export's sheets, in order, each cell placed on the grid its colspan / rowspan occupy. */
export function parseHtmlSheets(html: string): HtmlSheet[] {
  const heads = [...html.matchAll(/<A NAME="table\d+"><h1>Sheet (\d+): <em>([\s\S]*?)<\/em><\/h1><\/A>/g)].map((m) => ({
    index: m.index!,
    length: m[0].length,
    name: decode(m[2]!),
  }));
  // A workbook of one sheet is exported without the sheet headings.
  if (!heads.length && /<table/i.test(html)) heads.push({ index: 0, length: 0, name: '' });
  return heads.map((h, i) => {
    const end = heads[i + 1]?.index ?? html.length;
    const body = html.slice(h.index + h.length, end);
    const table = /<table[^>]*>([\s\S]*?)<\/table>/i.exec(body)?.[1] ?? '';
    const taken = new Set<string>();
    const cells: HtmlCell[] = [];
    [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].forEach((tr, r) => {
      let c = 0;
      for (const td of tr[1]!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/gi)) {
        while (taken.has(`${r},${c}`)) c++;
        const attrs = td[1]!;
        const cs = Number(/colspan=(\d+)/i.exec(attrs)?.[1] ?? 1);
        const rs = Number(/rowspan=(\d+)/i.exec(attrs)?.[1] ?? 1);
        const cell: HtmlCell = {
          r0: r,
          c0: c,
          r1: r + rs - 1,
          c1: c + cs - 1,
          text: cellText(td[2]!),
          bordered: /border[a-z-]*:\s*\d/i.test(attrs),
        };
        for (let y = cell.r0; y <= cell.r1; y++) for (let x = cell.c0; x <= cell.c1; x++) taken.add(`${y},${x}`);
        cells.push(cell);
        c += cs;
      }
    });
    return { name: h.name, cells };
  });
}

/** Texts the two exports must agree on, squashed; a number the CSV writes raw the HTML prints formatted (1,234.50, 5%). */
function agree(csv: string, html: string): boolean {
  const a = squash(csv);
  const b = squash(html);
  if (a === b) return true;
  return numberOf(a) !== null && /\d/.test(b);
}

/**
 * The HTML export starts at the sheet's first used row and column, the CSV at A1: the shift that puts every HTML
 * text on the CSV cell printing it. Null when there is none (the two readings disagree).
 */
function htmlOffset(csv: string[][], cells: HtmlCell[]): { dr: number; dc: number } | null {
  const texts = cells.filter((c) => squash(c.text) !== '');
  const first = texts.find((c) => numberOf(c.text) === null) ?? texts[0];
  if (!first) return { dr: 0, dc: 0 };
  const want = squash(first.text);
  for (let r = first.r0; r < csv.length; r++) {
    for (let c = first.c0; c < (csv[r]?.length ?? 0); c++) {
      if (squash(csv[r]![c]!) !== want && !(numberOf(want) !== null && numberOf(csv[r]![c]!) !== null)) continue;
      const dr = r - first.r0;
      const dc = c - first.c0;
      if (texts.every((h) => agree(csv[h.r0 + dr]?.[h.c0 + dc] ?? '', h.text))) return { dr, dc };
    }
  }
  return null;
}

function buildSheet(index: number, name: string, csv: string[][], html: HtmlSheet | undefined, file: string): Sheet {
  const offset = html ? htmlOffset(csv, html.cells) : { dr: 0, dc: 0 };
  if (!offset) throw new Error(`${file}: sheet ${index} "${name}": the CSV and HTML exports print different texts`);
  const placed = (html?.cells ?? []).map((h) => ({
    ...h,
    r0: h.r0 + offset.dr,
    r1: h.r1 + offset.dr,
    c0: h.c0 + offset.dc,
    c1: h.c1 + offset.dc,
  }));
  const rows = Math.max(csv.length, ...placed.map((c) => c.r1 + 1), 0);
  const cols = Math.max(0, ...csv.map((r) => r.length), ...placed.map((c) => c.c1 + 1));
  const grid = new Map<string, SheetCell>();
  const cells: SheetCell[] = [];
  const csvAt = (r: number, c: number): string => csv[r]?.[c] ?? '';
  for (const h of placed) {
    const text = csvAt(h.r0, h.c0);
    if (!agree(text, h.text)) {
      throw new Error(
        `${file}: sheet ${index} "${name}" row ${h.r0 + 1} column ${h.c0 + 1}: the CSV prints "${text}", the HTML export "${h.text}"`,
      );
    }
    const cell: SheetCell = { r0: h.r0, c0: h.c0, r1: h.r1, c1: h.c1, text, bordered: h.bordered };
    // A text the file keeps in a cell a merge covers is not printed (the merge shows its first cell only).
    for (let y = h.r0; y <= h.r1; y++) for (let x = h.c0; x <= h.c1; x++) grid.set(`${y},${x}`, cell);
    cells.push(cell);
  }
  // Empty CSV cells beyond the HTML export's used area are cells too; a text there means the exports disagree.
  for (let r = 0; r < csv.length; r++) {
    for (let c = 0; c < (csv[r]?.length ?? 0); c++) {
      if (grid.has(`${r},${c}`)) continue;
      if (html && squash(csvAt(r, c)) !== '') {
        throw new Error(
          `${file}: sheet ${index} "${name}" row ${r + 1} column ${c + 1} prints "${csvAt(r, c)}" in the CSV export only`,
        );
      }
      const cell: SheetCell = { r0: r, c0: c, r1: r, c1: c, text: csvAt(r, c), bordered: false };
      grid.set(`${r},${c}`, cell);
      cells.push(cell);
    }
  }
  cells.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return { index, name, rows, cols, cells, at: (r, c) => grid.get(`${r},${c}`) };
}

const cache = new Map<string, Sheet[]>();

/** Every sheet of the workbook at `file`, in the workbook's order (LibreOffice must be installed). */
export function readWorkbook(file: string): Sheet[] {
  const hit = cache.get(file);
  if (hit) return hit;
  if (!existsSync(file)) throw new Error(`${file} not found`);
  const tmp = mkdtempSync(join(tmpdir(), 'gt-sheets-'));
  const out = join(tmp, 'out');
  const profile = join(tmp, 'profile');
  try {
    const log = soffice(CSV_FILTER, file, out, profile);
    const written = [...log.matchAll(/^Writing sheet (.*) -> (.*\.csv)$/gm)].map((m) => ({ name: m[1]!, path: m[2]! }));
    if (!written.length) {
      const csvs = readdirSync(out).filter((f) => f.endsWith('.csv'));
      if (csvs.length !== 1)
        throw new Error(`${file}: soffice did not report the sheets it wrote (needs LibreOffice ≥ 7.2): ${log}`);
      written.push({ name: '', path: join(out, csvs[0]!) });
    }
    soffice('html', file, out, profile);
    const htmlFile = readdirSync(out).find((f) => f.endsWith('.html'));
    if (!htmlFile) throw new Error(`${file}: soffice wrote no HTML export`);
    const html = parseHtmlSheets(readFileSync(join(out, htmlFile), 'utf8'));
    if (html.length !== written.length) {
      throw new Error(`${file}: the CSV export wrote ${written.length} sheets, the HTML export ${html.length}`);
    }
    const sheets = written.map((w, i) => {
      const h = html[i];
      if (h && w.name && h.name && h.name !== w.name)
        throw new Error(`${file}: sheet ${i + 1} is "${w.name}" in the CSV export, "${h.name}" in the HTML export`);
      return buildSheet(i + 1, w.name || h?.name || '', parseCsv(readFileSync(w.path, 'utf8')), h, file);
    });
    cache.set(file, sheets);
    return sheets;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
