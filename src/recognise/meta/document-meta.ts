import type { ExtractedDocument, Provenance } from '../../model/document.js';
import type { DocumentMeta } from '../types.js';
import { compact, normalise } from '../values.js';
import { compactName, isOrgName, orgFromTitle, repairOcrOrgName } from './org-name.js';
import { regionFromText } from './region.js';

interface Line {
  text: string;
  prov: Provenance;
}

/** The cover of a printed report: the first runs of page 1 up to 目录, joined ('上海市普陀区财政局' '2024' '年度部门决算'). */
function coverLine(doc: ExtractedDocument): Line | undefined {
  const runs = doc.pages[0]?.runs ?? [];
  const taken = [];
  for (const r of runs.slice(0, 8)) {
    if (/^目\s*录?$/.test(compact(r.text)) || taken.join('').length > 60) break;
    taken.push(r.text);
  }
  return taken.length > 0 && runs[0] ? { text: taken.join(''), prov: runs[0].prov } : undefined;
}

/** Lines worth reading for metadata, most authoritative first: titles, table context, top cells, body text, names. */
function candidateLines(doc: ExtractedDocument): Line[] {
  const lines: Line[] = [];
  const sourceProv: Provenance = { sourceId: doc.source.id, page: 1, method: 'structure', extractor: 'source' };
  const d = doc.source.discoveredFrom;
  if (d?.articleTitle) lines.push({ text: d.articleTitle, prov: { ...sourceProv, locator: 'discovery.articleTitle' } });
  for (const m of doc.meta) if (m.key === 'title') lines.push({ text: m.value, prov: m.prov });
  const cover = coverLine(doc);
  if (cover) lines.push(cover);
  for (const t of doc.tables) for (const c of t.context) lines.push({ text: c, prov: t.prov });
  for (const t of doc.tables) {
    for (const cell of t.cells) if (cell.row < 3 && cell.text.length < 80) lines.push({ text: cell.text, prov: cell.prov });
  }
  for (const p of doc.pages.slice(0, 3)) for (const r of p.runs.slice(0, 60)) lines.push({ text: r.text, prov: r.prov });
  if (d?.linkText) lines.push({ text: d.linkText, prov: { ...sourceProv, locator: 'discovery.linkText' } });
  if (doc.source.fileName) lines.push({ text: doc.source.fileName, prov: { ...sourceProv, locator: 'source.fileName' } });
  return lines;
}

const YEAR = /((?:19|20)\d{2})\s*年/;
/** `(2022 年度)`, `2019年度`: a bare year in a year line. */
const YEAR_LINE = /[(（]\s*((?:19|20)\d{2})\s*年度?\s*[)）]/;
/** 填报单位 / 编制部门 / 预算单位 / 部门(单位)名称 / 主管部门 lines (seeds 000, 001, 002; Jiangsu prints 部门：). */
const DEPT_LABEL =
  /^\*?(?:填报单位|编制部门|编制单位|单位名称|部门名称|部门[(（]单位[)）]名称|预算单位|(?:区级|市级|县级|省级)?主管部门|部门)(?:[(（]盖章[)）])?\s*[:：]?\s*/;
/** '101002 抚宁区人大': a 单位编码 before the unit's name (seed 003). */
const CODED_NAME = /^(\d{6})\s+(\S.*)$/;

type Found = { value: string; prov: Provenance };

function yearFrom(lines: Line[]): { value: number; prov: Provenance } | undefined {
  for (const l of lines) {
    const m = YEAR.exec(normalise(l.text)) ?? YEAR_LINE.exec(normalise(l.text));
    if (m) return { value: Number(m[1]), prov: l.prov };
  }
  return undefined;
}

/** A labelled line ('编制部门：X'), a label followed by its value on the next line, or a coded name line. */
function fromLabelLines(lines: Line[]): Found | undefined {
  for (const [i, l] of lines.entries()) {
    const t = normalise(l.text);
    const coded = CODED_NAME.exec(t);
    if (coded && isOrgName(coded[2]!)) return { value: compactName(coded[2]!), prov: l.prov };
    const m = DEPT_LABEL.exec(t);
    if (!m || (m[0].trim() === '部门' && !/[:：]/.test(m[0]))) continue;
    const rest = t.slice(m[0].length).split(/\s{2,}|\s(?:金额)?单位[:：]|\s*公开\d+表/)[0]!.trim();
    const next = lines[i + 1];
    if (isOrgName(rest)) return { value: compactName(rest), prov: l.prov };
    if (rest === '' && next && isOrgName(next.text)) return { value: compactName(next.text), prov: next.prov };
  }
  return undefined;
}

/** A label cell with the unit's name in the next cell right (form-like tables). */
function fromLabelCells(doc: ExtractedDocument): Found | undefined {
  for (const t of doc.tables) {
    for (const cell of t.cells) {
      const label = compact(cell.text);
      if (!DEPT_LABEL.test(label) || label.replace(DEPT_LABEL, '') !== '') continue;
      const right = t.cells.find((c) => c.row === cell.row && c.col === cell.col + cell.colSpan);
      if (right && isOrgName(right.text)) return { value: compactName(right.text), prov: right.prov };
    }
  }
  return undefined;
}

function departmentFrom(doc: ExtractedDocument, lines: Line[]): Found | undefined {
  const labelled = fromLabelLines(lines) ?? fromLabelCells(doc);
  if (labelled) return labelled;
  for (const l of lines) {
    const name = orgFromTitle(l.text);
    if (name) return { value: name, prov: l.prov };
  }
  return undefined;
}

function kindFrom(lines: Line[]): DocumentMeta['kind'] {
  const all = lines.slice(0, 20).map((l) => l.text).join(' ');
  if (/自评/.test(all)) return 'perf_selfeval';
  if (/绩效目标/.test(all)) return 'perf_target';
  if (/决算/.test(all)) return 'final';
  if (/预算/.test(all)) return 'budget';
  return 'unknown';
}

/** Document metadata every record carries (domain.md §4), each field with where it was read. */
export function documentMeta(doc: ExtractedDocument): DocumentMeta {
  const lines = candidateLines(doc);
  const provenance: Record<string, Provenance> = {};
  const year = yearFrom(lines);
  if (year) provenance.year = year.prov;
  const found = departmentFrom(doc, lines);
  const repaired = found && repairOcrOrgName(found.value, found.prov);
  const dept = found && repaired ? { ...found, value: repaired.value } : undefined;
  if (dept) provenance.department = dept.prov;
  const publisher = doc.meta.find((m) => m.key === 'publisher');
  // The unit's own name first: a county bureau's page may be hosted by the city.
  const regionSources: Array<Line | undefined> = [
    dept && { text: dept.value, prov: dept.prov },
    publisher && { text: publisher.value, prov: publisher.prov },
    ...lines.slice(0, 20),
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
  const kind = kindFrom(lines);
  if (kind !== 'unknown' && lines[0]) provenance.kind = lines[0].prov;
  const meta: DocumentMeta = { region, department: dept?.value ?? null, year: year?.value ?? null, kind, provenance };
  return repaired?.issue ? { ...meta, issues: [repaired.issue] } : meta;
}
