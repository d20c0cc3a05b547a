import type { BBox, ExtractedDocument, Provenance } from '../model/document.js';
import { pageLines } from '../recognise/amount/page-lines.js';
import { narrativeSentences, type Sentence } from '../recognise/narrative/sentences.js';
import { compact } from '../recognise/values.js';

/** A printed line outside the tables, with its page and box (none for formats without positions). */
export interface PrintedLine {
  text: string;
  page: number;
  bbox: BBox | null;
}

const cache = new WeakMap<ExtractedDocument, { lines?: PrintedLine[]; sentences?: Sentence[] }>();
const memo = (doc: ExtractedDocument) => {
  let m = cache.get(doc);
  if (!m) cache.set(doc, (m = {}));
  return m;
};

/**
 * Every line the document prints outside its tables: PDF lines rebuilt from positions (recognise/amount/page-lines),
 * else each run (a DOCX or HTML paragraph) as a line of its own.
 */
export function printedLines(doc: ExtractedDocument): PrintedLine[] {
  const m = memo(doc);
  if (m.lines) return m.lines;
  const out: PrintedLine[] = [];
  for (const p of doc.pages) {
    const placed = p.runs.some((r) => r.prov.bbox);
    if (placed) for (const l of pageLines(doc, p.number)) out.push({ text: l.text, page: p.number, bbox: l.bbox });
    else
      for (const r of p.runs)
        for (const t of r.text.split('\n')) if (t.trim()) out.push({ text: t, page: p.number, bbox: null });
  }
  m.lines = out;
  return out;
}

/**
 * The narrative's sentences (recognise/narrative/sentences) joined up to their full stop: a clause list cut at ；
 * is one sentence again, so that '收入合计533.64万元，其中：财政拨款收入531.71万元，占99.64%；其他收入1.93万元，
 * 占0.36%。' keeps the whole its shares are of.
 */
export function fullSentences(doc: ExtractedDocument): Sentence[] {
  const m = memo(doc);
  if (m.sentences) return m.sentences;
  const out: Sentence[] = [];
  let text = '';
  let prov: Provenance | undefined;
  for (const s of narrativeSentences(doc)) {
    prov ??= s.prov;
    text += s.text;
    if (/[。!！?？]$/.test(s.text)) {
      out.push({ text, prov });
      text = '';
      prov = undefined;
    }
  }
  if (text && prov) out.push({ text, prov });
  m.sentences = out;
  return out;
}

/** A heading of the running text: '第二部分 2019年度部门决算表', '三、支出决算情况说明', '(一)…'. */
const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\))/;

export function isHeading(text: string): boolean {
  const t = compact(text);
  return t.length <= 45 && HEADING.test(t) && !/[。;；]/.test(t);
}
