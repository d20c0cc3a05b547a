/**
 * Word boxes of a PDF as poppler's `pdftotext -bbox-layout` prints them: the checker's independent reading of the
 * page (it shares no code with src/extract). Coordinates are PDF points, top-left origin.
 */
import { execFileSync } from 'node:child_process';

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type PageWords = Word[];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|apos);|&#(\d+);|&#x([0-9a-f]+);/gi,
    (_m, name: string, dec: string, hex: string) =>
      name ? ENTITIES[name.toLowerCase()]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)),
  );
}

/**
 * Poppler glues a code to its label when the PDF puts no space between them (`30207邮电费`); split such a word
 * into the code and the label, sharing the box in proportion to their lengths, so each can be matched alone.
 */
function splitGlued(w: Word): Word[] {
  const m = /^(\d{3,})([^\d,.].*)$/.exec(w.text);
  if (!m) return [w];
  const n = [...w.text].length;
  const cut = w.x0 + ((w.x1 - w.x0) * m[1]!.length) / n;
  return [
    { ...w, text: m[1]!, x1: cut },
    { ...w, text: m[2]!, x0: cut },
  ];
}

/** Parses the XHTML that `pdftotext -bbox-layout` prints into one word list per page (index 0 = page 1). */
export function parseBboxLayout(xhtml: string): PageWords[] {
  const pages: PageWords[] = [];
  const re = /<page\b[^>]*>|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(xhtml); m; m = re.exec(xhtml)) {
    if (m[0].startsWith('<page')) {
      pages.push([]);
      continue;
    }
    const w: Word = { text: decode(m[5]!), x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) };
    if (w.text.trim() === '') continue;
    pages[pages.length - 1]?.push(...splitGlued(w));
  }
  return pages;
}

/** Whether poppler's pdftotext is on the PATH. */
export function havePdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every page's words; the whole document in one poppler run (the corpus files are at most a few dozen pages). */
export function readPdfWords(file: string): PageWords[] {
  const out = execFileSync('pdftotext', ['-bbox-layout', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return parseBboxLayout(out);
}
