import type { BBox, ExtractedDocument, Provenance, TextRun } from '../../model/document.js';
import { compact } from '../values.js';
import { PAGE_NUMBER, pageNumberRuns } from './page-numbers.js';

/** A sentence of the document's running text, spaces removed, with where it starts. */
export interface Sentence {
  text: string;
  prov: Provenance;
  /** Where each run the sentence is read from starts in `text`, so a figure can point at the run that prints it. */
  spans?: Array<{ at: number; prov: Provenance }>;
}

const inside = (b: BBox, box: BBox) => {
  const x = (b.x0 + b.x1) / 2;
  const y = (b.y0 + b.y1) / 2;
  return x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
};

/** Sentences end at 。；！？ (a clause list separated by ； restates one figure per clause). */
const END = /[。；;！!？?]/;

/**
 * A paragraph run (DOCX, HTML line) that a line break cut inside its sentence: it ends on a clause
 * mark, or the next one opens with what cannot open a sentence (a clause mark, a closing bracket, a
 * unit, an amount with its unit: '政府采购预算总额' / '1449.50万元'). A heading ('三、政府采购预算情况')
 * ends on none of these and stays a paragraph of its own.
 */
function continues(text: string, next: string): boolean {
  if (text === '' || END.test(text.at(-1)!)) return false;
  return (
    /[,，、:：(（“"]$/.test(text) ||
    /^(?:[,，、:：)）”"%]|万元|元)/.test(next) ||
    /^\d[\d,]*(?:\.\d+)?(?:万元|元|%)/.test(next)
  );
}

/** A run's text without the page-number lines a flattened text layer leaves inside it ('…增长\n4\n17.31%'). */
function withoutPageNumbers(text: string): string {
  return text.includes('\n')
    ? text
        .split('\n')
        .filter((l) => !PAGE_NUMBER.test(compact(l)))
        .join('\n')
    : text;
}

function extent(runs: TextRun[]): { y0: number } {
  return { y0: Math.min(...runs.flatMap((r) => (r.prov.bbox ? [r.prov.bbox.y0] : []))) };
}

/**
 * Blocks of running text, page numbers and table text left out. PDF runs are fragments of wrapped
 * lines (a figure and its 万元 are often separate runs), so the positioned runs outside the tables
 * are read as one stream, and a page of running text (no table on it) continues on the next page
 * unless that one opens with a table ('增长' / '17.31%' across a page break is one sentence). DOCX and HTML runs
 * are paragraphs, each its own block unless a line break cut its sentence (continues).
 */
function blocks(doc: ExtractedDocument): TextRun[][] {
  const out: TextRun[][] = [];
  let open: TextRun[] | undefined;
  for (const page of doc.pages) {
    const boxes = doc.tables.filter((t) => t.prov.page === page.number && t.prov.bbox).map((t) => t.prov.bbox!);
    const furniture = pageNumberRuns(page);
    const runs = page.runs
      .filter((r) => !furniture.has(r) && (!r.prov.bbox || !boxes.some((b) => inside(r.prov.bbox!, b))))
      .map((r) => ({ ...r, text: withoutPageNumbers(r.text) }));
    if (runs.some((r) => r.prov.bbox)) {
      const { y0 } = extent(runs);
      if (open && !boxes.some((b) => b.y0 < y0)) open.push(...runs);
      else out.push((open = [...runs]));
      // Only a page of running text runs on: text left beside a table (a title, cells outside its box) does not.
      if (boxes.length > 0) open = undefined;
      continue;
    }
    open = undefined;
    let paragraph: TextRun[] | undefined;
    let last = '';
    for (const r of runs) {
      const text = compact(r.text);
      if (text === '') continue;
      if (paragraph && continues(last, text)) paragraph.push(r);
      else out.push((paragraph = [r]));
      last = text;
    }
  }
  return out;
}

/** The document's running text cut into sentences, each with the provenance of the run it starts in. */
export function narrativeSentences(doc: ExtractedDocument): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of blocks(doc)) {
    let text = '';
    let prov: Provenance | undefined;
    let spans: NonNullable<Sentence['spans']> = [];
    for (const run of block) {
      let opened = false;
      for (const ch of compact(run.text)) {
        prov ??= run.prov;
        if (!opened) {
          spans.push({ at: text.length, prov: run.prov });
          opened = true;
        }
        text += ch;
        if (END.test(ch)) {
          sentences.push({ text, prov, spans });
          text = '';
          prov = undefined;
          spans = [];
          opened = false;
        }
      }
    }
    if (text && prov) sentences.push({ text, prov, spans });
  }
  return sentences;
}
