import Tesseract from 'tesseract.js';
import type { OcrWord } from './types.js';
import { encodeRegion, type GreyImage, type PixelBox } from './image.js';
import { withWorker, type Budget, type EngineOptions } from './engine.js';

/** Characters a number cell may hold: amounts with thousands separators, codes, minus, dash. */
export const DIGIT_WHITELIST = '0123456789.,-';

/** Chinese text and the punctuation set in it (tesseract returns （ ： as ASCII ( :). */
const CJK = /^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef()（）:：,，、;；""“”]+$/;
const HAN = /[\u3400-\u9fff]/;

/**
 * chi_sim reports every Chinese character as a word of its own; neighbours on one line that
 * touch (gap under ~0.8 character) are joined into one run, as a text layer would give them.
 */
function joinCjk(words: OcrWord[]): OcrWord[] {
  const out: OcrWord[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const h = Math.max(w.bbox.y1 - w.bbox.y0, prev ? prev.bbox.y1 - prev.bbox.y0 : 0);
    const chinese = prev && CJK.test(prev.text) && CJK.test(w.text) && (HAN.test(prev.text) || HAN.test(w.text));
    if (prev && chinese && w.bbox.x0 - prev.bbox.x1 <= 0.8 * h) {
      const n = [...prev.text].length;
      prev.text += w.text;
      prev.confidence = (prev.confidence * n + w.confidence) / (n + 1);
      prev.bbox = {
        x0: prev.bbox.x0,
        y0: Math.min(prev.bbox.y0, w.bbox.y0),
        x1: w.bbox.x1,
        y1: Math.max(prev.bbox.y1, w.bbox.y1),
      };
    } else out.push({ ...w, bbox: { ...w.bbox } });
  }
  return out;
}

function wordsOf(page: Tesseract.Page, scale: number, dx: number, dy: number, pad: number): OcrWord[] {
  const out: OcrWord[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const lineWords: OcrWord[] = [];
        for (const w of line.words) {
          const text = w.text.trim();
          if (!text) continue;
          lineWords.push({
            text,
            confidence: Math.max(0, Math.min(1, w.confidence / 100)),
            bbox: {
              x0: dx + (w.bbox.x0 - pad) / scale,
              y0: dy + (w.bbox.y0 - pad) / scale,
              x1: dx + (w.bbox.x1 - pad) / scale,
              y1: dy + (w.bbox.y1 - pad) / scale,
            },
          });
        }
        out.push(...joinCjk(lineWords));
      }
    }
  }
  return out;
}

/**
 * Page pass: the whole (deskewed, ruling-free) image through chi_sim with automatic page
 * segmentation (PSM 3, as the issues require). Boxes come back in `img` pixels.
 */
export async function pagePass(
  img: GreyImage,
  scale: number,
  budget: Budget,
  eng: EngineOptions = {},
): Promise<OcrWord[]> {
  const image = encodeRegion(img, { x0: 0, y0: 0, x1: img.width, y1: img.height }, scale);
  return withWorker(
    'chi_sim',
    budget,
    async (w) => {
      await setParameters(w, {
        tessedit_pageseg_mode: Tesseract.PSM.AUTO,
        tessedit_char_whitelist: '',
        preserve_interword_spaces: '1',
        user_defined_dpi: '300',
        debug_file: '/dev/null',
      });
      const r = await w.recognize(image, {}, { blocks: true, text: false });
      return wordsOf(r.data, scale, 0, 0, 0);
    },
    eng,
  );
}

/** What each worker was last set to: a page's hundreds of cell reads mostly ask for the same again. */
const applied = new WeakMap<Tesseract.Worker, string>();

/** setParameters, skipped when the worker holds these already (each call is a round trip to its thread). */
async function setParameters(w: Tesseract.Worker, params: Partial<Tesseract.WorkerParams>): Promise<void> {
  const key = JSON.stringify(params);
  if (applied.get(w) === key) return;
  applied.delete(w);
  await w.setParameters(params);
  applied.set(w, key);
}

export interface CellRead {
  text: string;
  confidence: number;
  words: OcrWord[];
}

/**
 * Cell pass: one cell's inside, numbers as a single line (PSM 7), text as a block (PSM 6); a
 * text line outside the table ('line', lines.ts) as a single line of chi_sim.
 * Number cells are read by the English model with a digit whitelist: chi_sim confuses 5/3 and 6/0 in serif digits, and a
 * whitelist cannot be used on the page pass because the labels are Chinese.
 */
export async function cellPass(
  img: GreyImage,
  box: PixelBox,
  scale: number,
  mode: 'digits' | 'text' | 'line',
  budget: Budget,
  eng: EngineOptions = {},
  threshold?: number,
): Promise<CellRead> {
  const pad = 12;
  const image = encodeRegion(img, box, scale, pad, threshold);
  return withWorker(
    mode === 'digits' ? 'eng' : 'chi_sim',
    budget,
    async (w) => {
      await setParameters(w, {
        // Text cells may wrap (科目名称, header cells): a block; numbers and lines outside the table are one line.
        tessedit_pageseg_mode: mode === 'text' ? Tesseract.PSM.SINGLE_BLOCK : Tesseract.PSM.SINGLE_LINE,
        tessedit_char_whitelist: mode === 'digits' ? DIGIT_WHITELIST : '',
        preserve_interword_spaces: mode === 'digits' ? '0' : '1',
        // Without a stated resolution tesseract guesses one from the crop and misreads CJK.
        user_defined_dpi: '300',
        debug_file: '/dev/null',
      });
      const r = await w.recognize(image, {}, { blocks: true, text: false });
      const words = wordsOf(r.data, scale, box.x0, box.y0, pad);
      const text = words.map((x) => x.text).join(mode === 'digits' ? '' : ' ');
      const confidence = words.length ? Math.min(...words.map((x) => x.confidence)) : 0;
      return { text, confidence, words };
    },
    eng,
  );
}
