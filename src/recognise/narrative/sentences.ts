import type { BBox, ExtractedDocument, Provenance, TextRun } from '../../model/document.js';
import { compact } from '../values.js';

/** A sentence of the document's running text, spaces removed, with where it starts. */
export interface Sentence {
  text: string;
  prov: Provenance;
}

const inside = (b: BBox, box: BBox) => {
  const x = (b.x0 + b.x1) / 2;
  const y = (b.y0 + b.y1) / 2;
  return x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
};

/**
 * Blocks of running text per page. PDF runs are fragments of wrapped lines (a figure and its 万元
 * are often separate runs), so a page's runs outside its tables are read as one stream; DOCX and
 * HTML runs are whole paragraphs, each its own block.
 */
function blocks(doc: ExtractedDocument): TextRun[][] {
  const out: TextRun[][] = [];
  for (const page of doc.pages) {
    const boxes = doc.tables.filter((t) => t.prov.page === page.number && t.prov.bbox).map((t) => t.prov.bbox!);
    const runs = page.runs.filter((r) => !r.prov.bbox || !boxes.some((b) => inside(r.prov.bbox!, b)));
    if (runs.some((r) => r.prov.bbox)) out.push(runs);
    else out.push(...runs.map((r) => [r]));
  }
  return out;
}

/** Sentences end at 。；！？ (a clause list separated by ； restates one figure per clause). */
const END = /[。；;！!？?]/;

/** The document's running text cut into sentences, each with the provenance of the run it starts in. */
export function narrativeSentences(doc: ExtractedDocument): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of blocks(doc)) {
    let text = '';
    let prov: Provenance | undefined;
    for (const run of block) {
      for (const ch of compact(run.text)) {
        prov ??= run.prov;
        text += ch;
        if (END.test(ch)) {
          sentences.push({ text, prov });
          text = '';
          prov = undefined;
        }
      }
    }
    if (text && prov) sentences.push({ text, prov });
  }
  return sentences;
}
