import type { Issue } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { MAX_IMAGE_PIXELS } from '../ocr/limits.js';

/** A stream object's dictionary, up to the `stream` keyword that ends it (nested dictionaries stop short of it). */
const STREAM_DICT = /(\d+)\s+\d+\s+obj\s*<<([\s\S]{0,4000}?)>>\s*stream\b/g;
const IMAGE = /\/Subtype\s*\/Image\b/;
const dimension = (dict: string, key: string): number =>
  Number(new RegExp(`/${key}\\s+(\\d+)`).exec(dict)?.[1] ?? Number.NaN);

/**
 * Images pdf.js drops without a word: given maxImageSize (load.ts) it leaves an image over MAX_IMAGE_PIXELS out of
 * the operator list, so a scanned page drawn from one would read as a blank page, `ok` with nothing on it. Image
 * XObjects are streams, and streams are never packed in object streams (ISO 32000-1 §7.5.7), so their dictionaries
 * can be read from the bytes; each one over the limit becomes a warning that names it (issue 16).
 */
export function oversizedImages(bytes: Uint8Array): Issue[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const out: Issue[] = [];
  for (const m of text.matchAll(STREAM_DICT)) {
    const dict = m[2]!;
    if (!IMAGE.test(dict)) continue;
    const w = dimension(dict, 'Width');
    const h = dimension(dict, 'Height');
    if (!(w * h > MAX_IMAGE_PIXELS)) continue;
    out.push(
      issue(
        'warning',
        'pdf.image_too_large',
        `image object ${m[1]} is ${w} × ${h} px, over the ${MAX_IMAGE_PIXELS / 1e6} MP limit: it was not read, and what it shows is missing`,
      ),
    );
    if (out.length === 10) break;
  }
  return out;
}
