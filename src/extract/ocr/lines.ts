import type { OcrWord } from './types.js';
import type { GreyImage } from './image.js';
import type { Lattice } from './lattice.js';
import { cellPass } from './passes.js';
import { centreIn } from './cells.js';
import type { Budget, EngineOptions } from './engine.js';

const HAN = /[\u3400-\u9fff]/;
/** More lines than this outside the tables is running text, not captions: left to the page pass. */
const MAX_LINES = 16;
/** Text height (px) tesseract's LSTM reads best at; a bold title is not blown up beyond it. */
const TEXT_PX = 40;

export interface LinePassInput {
  img: GreyImage;
  threshold: number;
  scale: number;
  budget: Budget;
  engine?: EngineOptions;
  binarize: boolean;
}

/** Words sharing most of their height are one printed line ('编制部门：…' and '金额单位：万元'). */
function groupLines(words: OcrWord[]): OcrWord[][] {
  const lines: OcrWord[][] = [];
  const sorted = [...words].sort((a, b) => a.bbox.y0 + a.bbox.y1 - (b.bbox.y0 + b.bbox.y1));
  for (const w of sorted) {
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    const line = lines.find((l) => l.some((o) => cy > o.bbox.y0 && cy < o.bbox.y1));
    if (line) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => l.sort((a, b) => a.bbox.x0 - b.bbox.x0));
}

/**
 * The page-pass words outside every table grid, as printed lines left to right, only lines
 * with Chinese in them (a page number alone is no caption). None without a table, and none
 * when there are more than MAX_LINES: then the page is running text, not a captioned table.
 */
export function outsideLines(words: OcrWord[], lattices: Lattice[]): OcrWord[][] {
  if (lattices.length === 0) return [];
  const outside = words.filter((w) => !lattices.some((l) => centreIn(w, l.bounds)));
  const lines = groupLines(outside).filter((l) => l.some((w) => HAN.test(w.text)));
  return lines.length > MAX_LINES ? [] : lines;
}

const minConf = (ws: OcrWord[]): number => (ws.length ? Math.min(...ws.map((w) => w.confidence)) : 0);

/**
 * Line pass: the text lines outside the ruled tables (title, 公开NN表, 编制部门 and 单位 lines,
 * notes under the table) are cropped one by one and read again as a single line (PSM 7),
 * upscaled like the cells; the more confident reading is kept, as rereadCells does for text
 * cells. The page pass reads them beside the table's rulings and misreads names in them
 * (威阳市 for 咸阳市, seed 001 公开06表 as a screenshot). Only done when there is a table.
 */
export async function rereadLines(words: OcrWord[], lattices: Lattice[], p: LinePassInput): Promise<OcrWord[]> {
  return applyLineReadings(words, await lineReadings(words, lattices, p));
}

/**
 * The line pass's readings without applying them: for each line read more confidently, its first page word maps
 * to the new words and its other words to none. ocrImage runs this on the chi_sim worker while the cells are read
 * as digits on the eng worker; both leave every word outside their own region as the same object.
 */
export async function lineReadings(
  words: OcrWord[],
  lattices: Lattice[],
  p: LinePassInput,
): Promise<Map<OcrWord, OcrWord[]>> {
  const replaced = new Map<OcrWord, OcrWord[]>();
  for (const line of outsideLines(words, lattices)) {
    const box = {
      x0: Math.min(...line.map((w) => w.bbox.x0)),
      y0: Math.min(...line.map((w) => w.bbox.y0)),
      x1: Math.max(...line.map((w) => w.bbox.x1)),
      y1: Math.max(...line.map((w) => w.bbox.y1)),
    };
    const h = box.y1 - box.y0;
    const m = h / 3;
    const crop = {
      x0: Math.max(0, Math.floor(box.x0 - m)),
      y0: Math.max(0, Math.floor(box.y0 - m)),
      x1: Math.min(p.img.width, Math.ceil(box.x1 + m)),
      y1: Math.min(p.img.height, Math.ceil(box.y1 + m)),
    };
    const scale = Math.max(1, Math.min(p.scale, TEXT_PX / Math.max(1, h)));
    const read = await cellPass(p.img, crop, scale, 'line', p.budget, p.engine, p.binarize ? p.threshold : undefined);
    if (read.words.length === 0 || minConf(read.words) < minConf(line)) continue;
    replaced.set(line[0]!, read.words);
    for (const w of line.slice(1)) replaced.set(w, []);
  }
  return replaced;
}

export const applyLineReadings = (words: OcrWord[], replaced: Map<OcrWord, OcrWord[]>): OcrWord[] =>
  replaced.size ? words.flatMap((w) => replaced.get(w) ?? [w]) : words;
