import type { BBox, Provenance } from '../../model/document.js';
import type { PositionedText, Ruling } from '../tables/types.js';
import type { OcrOptions, OcrPageResult, OcrWord } from './types.js';
import { decodeGrey, otsu, paperGrain, quarterTurn, smooth, type GreyImage } from './image.js';
import { deskew } from './deskew.js';
import { detectRulings } from './rulings.js';
import { buildLattices, type Lattice } from './lattice.js';
import { pagePass } from './passes.js';
import { rereadCells, rereadNumberWords } from './cells.js';
import { applyLineReadings, lineReadings } from './lines.js';
import { TESSERACT_VERSION, warm } from './engine.js';

export { shutdownOcr, setIdleShutdown, TESSERACT_VERSION } from './engine.js';
export type { OcrOptions, OcrPageResult, OcrWord } from './types.js';

/** Extractor name for provenance. */
export const OCR_EXTRACTOR = `ocr/tesseract.js@${TESSERACT_VERSION}`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Upscale factor that brings table rows to ~80 px (text ~30 px high, what tesseract's LSTM
 * models are trained on). Screenshots at 96 dpi need ×3; a 300 dpi scan needs nothing.
 */
function readingScale(lattices: Lattice[], img: GreyImage): number {
  const rowH = median(lattices.flatMap((l) => l.ys.slice(1).map((y, i) => y - l.ys[i]!)));
  const s = rowH > 0 ? 80 / rowH : img.width < 1500 ? 2 : 1;
  // Never hand tesseract more than ~40 MP: time grows with area, not with the text on it.
  const cap = Math.sqrt(40e6 / (img.width * img.height));
  return Math.max(1, Math.min(4, cap, Math.round(s * 4) / 4));
}

/**
 * OCR of one picture (a rendered scanned page, or a table screenshot): deskew, find ruling
 * lines, read the page with chi_sim (PSM 3), then re-read the cells of each ruled table one by
 * one (numbers with a digit whitelist, see cells.ts). Word boxes are pixels of the upright
 * image, confidence 0..1.
 * Throws TransientError('ocr.timeout') when opts.timeoutMs passes (the worker is terminated).
 */
export async function ocrImage(image: Uint8Array, opts: OcrOptions): Promise<OcrPageResult> {
  const started = Date.now();
  const tuning = opts.tuning ?? {};
  const budget = { deadline: started + opts.timeoutMs, signal: opts.signal, what: tuning.what ?? 'image' };
  const engine = tuning.langPath ? { langPath: tuning.langPath } : {};
  // Both engines load their traineddata on the other core while the picture is decoded and deskewed.
  warm('chi_sim', engine);
  if (tuning.digitPass !== false) warm('eng', engine);
  const { image: upright, angle } = deskew(await decodeGrey(image));
  let view = prepare(upright);
  let words = await pagePass(view.img, view.scale, budget, engine);
  let turned: 0 | 90 | 270 = 0;
  // A landscape table scanned sideways: tesseract reads its lines as vertical text, which the
  // tables cannot use. Both quarter turns are read and the more confident one kept.
  if (sideways(words) && tuning.orientation !== false) {
    let best = -1;
    for (const q of [1, 3] as const) {
      const v = prepare(quarterTurn(upright, q));
      const w = await pagePass(v.img, v.scale, budget, engine);
      if (meanConfidence(w) > best) [best, view, words, turned] = [meanConfidence(w), v, w, q === 1 ? 90 : 270];
    }
  }
  const { img, lattices } = view;
  if (tuning.digitPass !== false) {
    const pass = { img, threshold: view.threshold, scale: view.scale, budget, engine, binarize: view.grainy };
    // The lines outside the tables (chi_sim) are read while the cells are (mostly eng): two workers, two threads.
    const lines = tuning.linePass !== false ? lineReadings(words, lattices, pass) : Promise.resolve(new Map());
    lines.catch(() => {});
    try {
      for (const lattice of lattices) words = await rereadCells(words, { ...pass, lattice, inset: view.inset });
      if (lattices.length === 0) words = await rereadNumberWords(words, pass);
    } finally {
      // Settled before this returns or throws, so no reading outlives the page on a worker the next page uses.
      await lines.catch(() => {});
    }
    words = applyLineReadings(words, await lines);
  }
  return {
    words,
    width: img.width,
    height: img.height,
    confidence: meanConfidence(words),
    engine: OCR_EXTRACTOR,
    layout: {
      deskewDegrees: angle,
      quarterTurn: turned,
      // Only rulings of accepted tables: strokes of a bold title would make a table of their own.
      rulings: lattices.flatMap((l) => l.rulings),
      seconds: (Date.now() - started) / 1000,
    },
  };
}

/** Most words of three characters or more standing taller than wide: the lines run down the page. */
function sideways(words: OcrWord[]): boolean {
  const long = words.filter((w) => [...w.text].length >= 3);
  const tall = long.filter((w) => w.bbox.y1 - w.bbox.y0 > w.bbox.x1 - w.bbox.x0);
  return long.length >= 3 && tall.length * 5 >= long.length * 3;
}

const meanConfidence = (words: OcrWord[]): number =>
  words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;

/** Grain smoothing, threshold, rulings, tables and reading scale of one orientation. */
function prepare(upright: GreyImage) {
  // Scans: even out the grain first, or dust specks become '.' and '-' in the digit pass.
  const grainy = paperGrain(upright, otsu(upright)) >= 2;
  const img = grainy ? smooth(upright) : upright;
  const threshold = otsu(img);
  const rulings = detectRulings(img, threshold);
  const lattices = buildLattices(rulings, Math.max(36, 0.036 * Math.max(img.width, img.height)));
  const thick = median([...rulings.horizontal.map((h) => h.y1 - h.y0), ...rulings.vertical.map((v) => v.x1 - v.x0)]);
  return { img, grainy, threshold, lattices, inset: Math.ceil(thick / 2) + 2, scale: readingScale(lattices, img) };
}

export interface OcrTableOptions extends OcrOptions {
  /** PDF points per image pixel: 72 / dpi of the rendering (a screenshot: 72 / 96). */
  pointsPerPixel: number;
  /** Provenance every item starts from (sourceId, page, part); method and box are set here. */
  prov: Omit<Provenance, 'method' | 'bbox' | 'confidence' | 'extractor'>;
}

export interface OcrTableResult {
  items: PositionedText[];
  rulings: Ruling[];
  result: OcrPageResult;
}

/**
 * OCR of a picture as input to table reconstruction: words and rulings scaled to points
 * (top-left origin), each word with OCR provenance and confidence. PDF (scanned pages) and
 * DOCX (pictures of tables) call this, then reconstructTables(items, rulings).
 */
export async function ocrTable(image: Uint8Array, opts: OcrTableOptions): Promise<OcrTableResult> {
  const result = await ocrImage(image, opts);
  const k = opts.pointsPerPixel;
  const pt = (b: BBox): BBox => ({ x0: b.x0 * k, y0: b.y0 * k, x1: b.x1 * k, y1: b.y1 * k });
  const items = result.words.map((w: OcrWord) => {
    const bbox = pt(w.bbox);
    const prov: Provenance = { ...opts.prov, bbox, method: 'ocr', extractor: OCR_EXTRACTOR, confidence: w.confidence };
    return { text: w.text, bbox, fontSize: bbox.y1 - bbox.y0, prov };
  });
  // Rulings as centre lines: reconstruction compares positions, not thickness.
  const centre = (r: BBox): Ruling => {
    const b = pt(r);
    if (b.x1 - b.x0 >= b.y1 - b.y0) return { x0: b.x0, x1: b.x1, y0: (b.y0 + b.y1) / 2, y1: (b.y0 + b.y1) / 2 };
    return { x0: (b.x0 + b.x1) / 2, x1: (b.x0 + b.x1) / 2, y0: b.y0, y1: b.y1 };
  };
  return { items, rulings: (result.layout?.rulings ?? []).map(centre), result };
}
