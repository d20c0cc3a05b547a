import type { ExtractedDocument, Issue, Provenance } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { DocumentMeta } from '../types.js';
import { compact, normalise } from '../values.js';
import { compactName, isOrgName, joinWrappedName, orgFromTitle, repairOcrOrgName } from './org-name.js';
import { regionFromText } from './region.js';
import { pageNumberRuns } from '../narrative/page-numbers.js';

/**
 * Where a line was read. The printed page outranks everything else (docs/domain.md §5: one year and one
 * name on cover, titles and table headers): a PDF's Title is often the stale title of the Word file
 * it was made from ('Microsoft Word - …2018年度…' on a 2019年度 决算).
 */
type Origin = 'cover' | 'title' | 'header' | 'cell' | 'body' | 'source' | 'file';

interface Line {
  text: string;
  prov: Provenance;
  origin: Origin;
  /** The table the line belongs to (titles and headers vote once per table). */
  table?: string;
  /** For the file's metadata: which field ('title', 'subject'). */
  key?: string;
  /** The runs a joined line (the cover) is made of, so a fact found in it points at the run that prints it. */
  parts?: Array<{ text: string; prov: Provenance }>;
}

/** The cover of a printed report: the first runs of page 1 up to 目录, joined ('上海市普陀区财政局' '2024' '年度部门决算'). */
function coverLine(doc: ExtractedDocument): Line | undefined {
  const page = doc.pages[0];
  const furniture = page ? pageNumberRuns(page) : new Set();
  const runs = (page?.runs ?? []).filter((r) => !furniture.has(r));
  const taken: typeof runs = [];
  for (const r of runs.slice(0, 8)) {
    if (/^目\s*录?$/.test(compact(r.text)) || taken.map((t) => t.text).join('').length > 60) break;
    taken.push(r);
  }
  const parts = taken.map((r) => ({ text: r.text, prov: r.prov }));
  return taken[0]
    ? { text: parts.map((p) => p.text).join(''), prov: taken[0].prov, origin: 'cover', parts }
    : undefined;
}

/** Title / Subject of the file's own metadata (PDF Info, DOCX core properties); an HTML page's title is printed on the page. */
const isFileTitle = (doc: ExtractedDocument, key: string) =>
  doc.format !== 'html' && (key === 'title' || key === 'subject');

/** What the printed document says, most authoritative first: cover, page title, table titles and headers, body text. */
function pageLines(doc: ExtractedDocument): Line[] {
  const lines: Line[] = [];
  const cover = coverLine(doc);
  if (cover) lines.push(cover);
  for (const m of doc.meta)
    if (m.key === 'title' && !isFileTitle(doc, m.key)) lines.push({ text: m.value, prov: m.prov, origin: 'title' });
  for (const t of doc.tables)
    for (const c of t.context) lines.push({ text: c, prov: t.prov, origin: 'header', table: t.id });
  for (const t of doc.tables) {
    for (const cell of t.cells)
      if (cell.row < 3 && cell.text.length < 80)
        lines.push({ text: cell.text, prov: cell.prov, origin: 'cell', table: t.id });
  }
  for (const p of doc.pages.slice(0, 3))
    for (const r of p.runs.slice(0, 60)) lines.push({ text: r.text, prov: r.prov, origin: 'body' });
  return lines;
}

/** What is said about the document off its pages: the linking article, the file's metadata, the link and the file name. */
function offPageLines(doc: ExtractedDocument): Line[] {
  const lines: Line[] = [];
  const sourceProv: Provenance = { sourceId: doc.source.id, page: 1, method: 'structure', extractor: 'source' };
  const d = doc.source.discoveredFrom;
  if (d?.articleTitle)
    lines.push({ text: d.articleTitle, prov: { ...sourceProv, locator: 'discovery.articleTitle' }, origin: 'source' });
  for (const m of doc.meta)
    if (isFileTitle(doc, m.key)) lines.push({ text: m.value, prov: m.prov, origin: 'file', key: m.key });
  if (d?.linkText)
    lines.push({ text: d.linkText, prov: { ...sourceProv, locator: 'discovery.linkText' }, origin: 'source' });
  if (doc.source.fileName)
    lines.push({ text: doc.source.fileName, prov: { ...sourceProv, locator: 'source.fileName' }, origin: 'source' });
  return lines;
}

/**
 * A year as a document names itself: '2019年度', '（2022 年度）', '2025年部门预算'. Not a date ('截至2024年8月31日',
 * a cover's publication month) and not a comparison ('比2024年预算增加', '较2018年').
 */
const YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g;
const COMPARED = /(?:比|较|与|同|上|截至|截止|至|自|从)\s*$/;
/** 填报单位 / 编制部门 / 预算单位 / 部门(单位)名称 / 主管部门 lines (seeds 000, 001, 002; Jiangsu prints 部门：). */
const DEPT_LABEL =
  /^\*?(?:填报单位|编制部门|编制单位|单位名称|部门名称|部门[(（]单位[)）]名称|预算单位|(?:区级|市级|县级|省级)?(?:预算)?主管部门|部门)(?:[(（]盖章[)）])?\s*[:：]?\s*/;
/** '101002 抚宁区人大': a 单位编码 before the unit's name (seed 003). */
const CODED_NAME = /^(\d{6})\s+(\S.*)$/;
/** Where a labelled value ends: a wide gap, the 单位 line printed on the same line, a 公开NN表 label. */
const VALUE_END = /\s{2,}|\s(?:金额)?单位[:：]|\s*公开\d+表/;

type Found<T> = { value: T; prov: Provenance; line: Line };

function yearIn(l: Line): number | undefined {
  const t = normalise(l.text);
  for (const m of t.matchAll(YEAR)) if (!COMPARED.test(t.slice(0, m.index))) return Number(m[1]);
  return undefined;
}

function firstYear(lines: Line[]): Found<number> | undefined {
  for (const l of lines) {
    const y = yearIn(l);
    if (y !== undefined)
      return { value: y, prov: l.parts?.find((p) => p.text.includes(String(y)))?.prov ?? l.prov, line: l };
  }
  return undefined;
}

/**
 * The year the table titles and headers agree on: each table votes once (its first year), the most
 * voted year wins and a tie goes to the table printed first.
 */
function votedYear(lines: Line[]): Found<number> | undefined {
  const votes = new Map<number, { n: number; first: Found<number> }>();
  const voted = new Set<string>();
  for (const l of lines) {
    if (!l.table || voted.has(l.table)) continue;
    const y = yearIn(l);
    if (y === undefined) continue;
    voted.add(l.table);
    const v = votes.get(y);
    if (v) v.n++;
    else votes.set(y, { n: 1, first: { value: y, prov: l.prov, line: l } });
  }
  let best: { n: number; first: Found<number> } | undefined;
  for (const v of votes.values()) if (!best || v.n > best.n) best = v;
  return best?.first;
}

/** The page's year: the cover's, else the one the tables' titles and headers vote for, else the first in the body text. */
function pageYear(lines: Line[]): Found<number> | undefined {
  return (
    firstYear(lines.filter((l) => l.origin === 'cover' || l.origin === 'title')) ??
    votedYear(lines.filter((l) => l.origin === 'header' || l.origin === 'cell')) ??
    firstYear(lines.filter((l) => l.origin === 'body'))
  );
}

/**
 * A labelled line ('编制部门：X'), a label followed by its value on the next line, a value wrapped
 * onto the next line ('部门：上海市普陀区人民政府办' '公厅': one name), or a coded name line.
 */
function fromLabelLines(lines: Line[]): Found<string> | undefined {
  for (const [i, l] of lines.entries()) {
    const t = normalise(l.text);
    const coded = CODED_NAME.exec(t);
    if (coded && isOrgName(coded[2]!)) return { value: compactName(coded[2]!), prov: l.prov, line: l };
    const m = DEPT_LABEL.exec(t);
    if (!m || (m[0].trim() === '部门' && !/[:：]/.test(m[0]))) continue;
    const rest = t.slice(m[0].length).split(VALUE_END)[0]!.trim();
    // Only the next line of the same block (the next run, the next context line of the same table) continues it.
    const next = lines[i + 1]?.origin === l.origin && lines[i + 1]?.table === l.table ? lines[i + 1] : undefined;
    const nextText = next && normalise(next.text).split(VALUE_END)[0]!.trim();
    const joined = rest && nextText ? joinWrappedName(rest, nextText) : undefined;
    if (joined) return { value: joined, prov: l.prov, line: l };
    if (isOrgName(rest)) return { value: compactName(rest), prov: l.prov, line: l };
    if (rest === '' && next && nextText && isOrgName(nextText))
      return { value: compactName(nextText), prov: next.prov, line: next };
  }
  return undefined;
}

/** A label cell with the unit's name in the next cell right (form-like tables). */
function fromLabelCells(doc: ExtractedDocument): Found<string> | undefined {
  for (const t of doc.tables) {
    for (const cell of t.cells) {
      const label = compact(cell.text);
      if (!DEPT_LABEL.test(label) || label.replace(DEPT_LABEL, '') !== '') continue;
      const right = t.cells.find((c) => c.row === cell.row && c.col === cell.col + cell.colSpan);
      if (right && isOrgName(right.text))
        return {
          value: compactName(right.text),
          prov: right.prov,
          line: { text: right.text, prov: right.prov, origin: 'cell', table: t.id },
        };
    }
  }
  return undefined;
}

function fromTitles(lines: Line[]): Found<string> | undefined {
  for (const l of lines) {
    const name = orgFromTitle(l.text);
    if (name) return { value: name, prov: l.prov, line: l };
  }
  return undefined;
}

function kindIn(lines: Line[]): DocumentMeta['kind'] {
  const all = lines
    .slice(0, 20)
    .map((l) => l.text)
    .join(' ');
  if (/自评/.test(all)) return 'perf_selfeval';
  if (/绩效目标/.test(all)) return 'perf_target';
  if (/决算/.test(all)) return 'final';
  if (/预算/.test(all)) return 'budget';
  return 'unknown';
}

/** Names that are one name: equal, or one the other with a prefix (中共江苏省委办公厅 / 江苏省委办公厅). */
const sameName = (a: string, b: string) => a.includes(b) || b.includes(a);

/**
 * A warning when the file's own metadata (PDF Title / Subject) says otherwise than the page: the
 * page's value is kept, both are named.
 */
function disagreement(field: 'year' | 'department', page: Found<string | number>, file: Found<string | number>): Issue {
  const where = file.line.key === 'subject' ? 'Subject' : 'Title';
  return issue(
    'warning',
    'meta.file_metadata_disagrees',
    `${field}: the page prints ${page.value} (p. ${page.prov.page}: '${normalise(page.line.text)}') where the file's ${where} metadata says ${file.value} ('${normalise(file.line.text)}'); the page's ${field} is kept`,
    page.prov,
  );
}

/** Document metadata every record carries (docs/domain.md §4), each field with where it was read. */
export function documentMeta(doc: ExtractedDocument): DocumentMeta {
  const page = pageLines(doc);
  const off = offPageLines(doc);
  const fileLines = off.filter((l) => l.origin === 'file');
  const issues: Issue[] = [];
  const provenance: Record<string, Provenance> = {};

  const pagedYear = pageYear(page);
  const year = pagedYear ?? firstYear(off);
  if (year) provenance.year = year.prov;
  const fileYear = firstYear(fileLines);
  if (pagedYear && fileYear && fileYear.value !== pagedYear.value)
    issues.push(disagreement('year', pagedYear, fileYear));

  const pagedDept = fromLabelLines(page) ?? fromLabelCells(doc) ?? fromTitles(page);
  const found = pagedDept ?? fromLabelLines(off) ?? fromTitles(off);
  const repaired = found && repairOcrOrgName(found.value, found.prov);
  const dept = found && repaired ? { ...found, value: repaired.value } : undefined;
  if (dept) provenance.department = dept.prov;
  if (repaired?.issue) issues.push(repaired.issue);
  const fileDept = fromLabelLines(fileLines) ?? fromTitles(fileLines);
  if (pagedDept && dept && fileDept && !sameName(compactName(fileDept.value), dept.value))
    issues.push(disagreement('department', dept, fileDept));

  const publisher = doc.meta.find((m) => m.key === 'publisher');
  // The unit's own name first: a county bureau's page may be hosted by the city.
  const regionSources: Array<{ text: string; prov: Provenance } | undefined> = [
    dept && { text: dept.value, prov: dept.prov },
    publisher && { text: publisher.value, prov: publisher.prov },
    ...page.slice(0, 20),
    ...off,
  ];
  let region = {};
  for (const s of regionSources) {
    if (!s) continue;
    region = regionFromText(compactName(s.text));
    if (Object.keys(region).length > 0) {
      provenance.region = s.prov;
      break;
    }
  }
  const pageKind = kindIn(page);
  const kind = pageKind !== 'unknown' ? pageKind : kindIn(off);
  const kindLine = pageKind !== 'unknown' ? page[0] : off[0];
  if (kind !== 'unknown' && kindLine) provenance.kind = kindLine.prov;
  const meta: DocumentMeta = { region, department: dept?.value ?? null, year: year?.value ?? null, kind, provenance };
  return issues.length > 0 ? { ...meta, issues } : meta;
}
