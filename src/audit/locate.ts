import type { BBox, ExtractedDocument, Provenance } from '../model/document.js';
import { unionBox } from '../model/bbox.js';
import { compact } from '../recognise/values.js';

/** Where a piece of printed text is: the page and the box of the runs that print it. */
export interface Place {
  page: number | null;
  bbox: BBox | null;
}

interface PageText {
  page: number;
  /** The page's runs in stream order, spaces removed and full-width forms folded (compact), run after run. */
  text: string;
  /** For each character of `text`, the index of the run it comes from. */
  owner: number[];
  boxes: Array<BBox | undefined>;
}

/**
 * Finds printed text on the pages, for findings whose text the rules read from sentences, lines or cells (the
 * narrative's sentences keep only where they start). Text is matched in the page's stream order, as
 * narrativeSentences reads it, so a sentence is found on the page that prints it.
 */
export class TextLocator {
  private readonly pages: PageText[];

  constructor(doc: ExtractedDocument) {
    this.pages = doc.pages.map((p) => {
      let text = '';
      const owner: number[] = [];
      const boxes: Array<BBox | undefined> = [];
      p.runs.forEach((r, i) => {
        const t = compact(r.text);
        text += t;
        for (let k = 0; k < t.length; k++) owner.push(i);
        boxes.push(r.prov.bbox);
      });
      return { page: p.number, text, owner, boxes };
    });
  }

  /**
   * The place of `needle` (compacted) inside `context` (a sentence or line that holds it), on `page` when given,
   * else on the first page that prints the context. Long contexts cut by a page break are matched by their start
   * or their end. Falls back to the needle alone.
   */
  find(needle: string, opts: { context?: string; page?: number; occurrence?: number } = {}): Place | undefined {
    const n = compact(needle);
    if (n === '') return undefined;
    const pages = opts.page ? this.pages.filter((p) => p.page === opts.page) : this.pages;
    const context = opts.context ? compact(opts.context) : undefined;
    if (context) {
      const at = context.indexOf(n);
      if (at >= 0) {
        for (const probe of [context, context.slice(0, at + n.length), context.slice(at)]) {
          for (const p of pages) {
            const start = p.text.indexOf(probe);
            if (start < 0) continue;
            const offset = probe === context.slice(at) ? 0 : at;
            return this.place(p, start + offset, n.length);
          }
        }
      }
    }
    for (const p of pages) {
      let start = -1;
      for (let k = 0; k <= (opts.occurrence ?? 0); k++) {
        start = p.text.indexOf(n, start + 1);
        if (start < 0) break;
      }
      if (start >= 0) return this.place(p, start, n.length);
    }
    return undefined;
  }

  private place(p: PageText, start: number, length: number): Place {
    const runs = new Set(p.owner.slice(start, start + length));
    return { page: p.page, bbox: unionBox([...runs].map((i) => p.boxes[i])) ?? null };
  }
}

/** A provenance as a place. */
export const placeOf = (prov: Provenance | undefined): Place => ({
  page: prov?.page ?? null,
  bbox: prov?.bbox ?? null,
});
