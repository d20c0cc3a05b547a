import type { ExtractedDocument, Provenance } from '../../model/document.js';
import type { DocumentMeta } from '../types.js';
import { compact, normalise } from '../values.js';
import { regionFromText } from './region.js';

interface Line {
  text: string;
  prov: Provenance;
}

/** Lines worth reading for metadata, most authoritative first: page metadata, table context, cells, body text. */
function candidateLines(doc: ExtractedDocument): Line[] {
  const lines: Line[] = [];
  for (const m of doc.meta) if (m.key === 'title') lines.push({ text: m.value, prov: m.prov });
  for (const t of doc.tables) for (const c of t.context) lines.push({ text: c, prov: t.prov });
  for (const t of doc.tables) {
    for (const cell of t.cells) if (cell.row < 3 && cell.text.length < 80) lines.push({ text: cell.text, prov: cell.prov });
  }
  for (const p of doc.pages.slice(0, 3)) for (const r of p.runs.slice(0, 60)) lines.push({ text: r.text, prov: r.prov });
  const d = doc.source.discoveredFrom;
  const urlProv: Provenance = { sourceId: doc.source.id, page: 1, method: 'structure', extractor: 'source', locator: 'source' };
  if (d?.articleTitle) lines.push({ text: d.articleTitle, prov: { ...urlProv, locator: 'discovery.articleTitle' } });
  if (d?.linkText) lines.push({ text: d.linkText, prov: { ...urlProv, locator: 'discovery.linkText' } });
  if (doc.source.fileName) lines.push({ text: doc.source.fileName, prov: { ...urlProv, locator: 'source.fileName' } });
  return lines;
}

const YEAR = /((?:19|20)\d{2})\s*年/;
/** `(2022 年度)`, `2019年度`: a bare year in a year line. */
const YEAR_LINE = /[(（]\s*((?:19|20)\d{2})\s*年度?\s*[)）]/;
/** 填报单位 / 编制部门 / 编制单位 / 部门(单位)名称 lines (seeds 000, 001, 002). */
const DEPT_LABEL = /^\*?(?:填报单位|编制部门|编制单位|单位名称|部门名称|部门[(（]单位[)）]名称|预算单位|主管部门)(?:[(（]盖章[)）])?\s*[:：]?\s*/;
/** What follows a department name in a title: the document type. */
const TITLE_TAIL = /(?:部门|单位)?(?:整体)?(?:支出)?(?:绩效目标(?:申报)?表|绩效自评(?:报告|表)?|决算|预算)(?:公开)?.*$/;

function yearFrom(lines: Line[]): { value: number; prov: Provenance } | undefined {
  for (const l of lines) {
    const m = YEAR.exec(normalise(l.text)) ?? YEAR_LINE.exec(normalise(l.text));
    if (m) return { value: Number(m[1]), prov: l.prov };
  }
  return undefined;
}

/** The department from a label line, or the value cell beside a label cell, or the title. */
function departmentFrom(doc: ExtractedDocument, lines: Line[]): { value: string; prov: Provenance } | undefined {
  for (const l of lines) {
    const t = normalise(l.text);
    const m = DEPT_LABEL.exec(t);
    if (m) {
      const v = t.slice(m[0].length).split(/\s{2,}|\s(?:金额)?单位[:：]|\s*公开\d+表/)[0]!.trim();
      if (v.length >= 2) return { value: v, prov: l.prov };
    }
  }
  for (const t of doc.tables) {
    for (const cell of t.cells) {
      if (!DEPT_LABEL.test(compact(cell.text)) || compact(cell.text).replace(DEPT_LABEL, '') !== '') continue;
      const right = t.cells.find((c) => c.row === cell.row && c.col === cell.col + cell.colSpan && normalise(c.text) !== '');
      if (right) return { value: normalise(right.text), prov: right.prov };
    }
  }
  for (const l of lines.slice(0, 3)) {
    const name = normalise(l.text).replace(/^(?:(?:19|20)\d{2}\s*年度?)/, '').replace(TITLE_TAIL, '').trim();
    if (name.length >= 3 && name !== normalise(l.text)) return { value: name, prov: l.prov };
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
  const dept = departmentFrom(doc, lines);
  if (dept) provenance.department = dept.prov;
  const publisher = doc.meta.find((m) => m.key === 'publisher');
  const regionText = [dept?.value, publisher?.value, lines[0]?.text, doc.source.fileName].filter(Boolean).join(' ');
  const region = regionFromText(regionText);
  const regionProv = dept?.prov ?? publisher?.prov ?? lines[0]?.prov;
  if (regionProv && Object.keys(region).length > 0) provenance.region = regionProv;
  const kind = kindFrom(lines);
  if (kind !== 'unknown' && lines[0]) provenance.kind = lines[0].prov;
  return { region, department: dept?.value ?? null, year: year?.value ?? null, kind, provenance };
}
