import type { Issue } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { MAX_IMAGE_PIXELS } from '../ocr/limits.js';

/** How far an image's dictionary may reach either side of its /Subtype, in bytes. */
const DICT_REACH = 4000;
const SUBTYPE_BEFORE = /\/Subtype\s*$/;
const OBJECT_NUMBER = /(\d+)\s+\d+\s+$/;
const dimension = (dict: string, key: string): number =>
  Number(new RegExp(`/${key}\\s+(\\d+)`).exec(dict)?.[1] ?? Number.NaN);
const isDelimiter = (byte: number | undefined) =>
  byte === undefined || byte <= 0x20 || '/<>[]()%'.includes(String.fromCharCode(byte));

/**
 * Images pdf.js drops without a word: given maxImageSize (load.ts) it leaves an image over MAX_IMAGE_PIXELS out of
 * the operator list, so a scanned page drawn from one would read as a blank page, `ok` with nothing on it. Image
 * XObjects are streams, and streams are never packed in object streams (ISO 32000-1 §7.5.7), so their dictionaries
 * can be read from the bytes; each one over the limit becomes a warning that names it (issue 16).
 *
 * Each `/Image` name is found by Buffer.indexOf and only the bytes around it are decoded: a regular expression over
 * the whole file as text took 5% of the extraction of the corpus PDFs (issue 12).
 */
export function oversizedImages(bytes: Uint8Array): Issue[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Issue[] = [];
  for (let at = buf.indexOf('/Image'); at >= 0 && out.length < 10; at = buf.indexOf('/Image', at + 6)) {
    // /ImageB, /ImageMask and the like are other names; only `/Subtype /Image` marks an image XObject.
    if (!isDelimiter(buf[at + 6])) continue;
    const before = buf.toString('latin1', Math.max(0, at - 32), at);
    if (!SUBTYPE_BEFORE.test(before)) continue;
    const obj = buf.lastIndexOf('obj', at);
    const stream = buf.indexOf('stream', at);
    if (obj < 0 || stream < 0 || at - obj > DICT_REACH || stream - at > DICT_REACH) continue;
    const dict = buf.toString('latin1', obj + 3, stream);
    if (!dict.trimEnd().endsWith('>>')) continue;
    const number = OBJECT_NUMBER.exec(buf.toString('latin1', Math.max(0, obj - 32), obj))?.[1] ?? '?';
    const w = dimension(dict, 'Width');
    const h = dimension(dict, 'Height');
    if (!(w * h > MAX_IMAGE_PIXELS)) continue;
    out.push(
      issue(
        'warning',
        'pdf.image_too_large',
        `image object ${number} is ${w} × ${h} px, over the ${MAX_IMAGE_PIXELS / 1e6} MP limit: it was not read, and what it shows is missing`,
      ),
    );
  }
  return out;
}
