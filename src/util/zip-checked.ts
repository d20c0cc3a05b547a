import { Inflate } from 'fflate';
import { PermanentError } from '../model/errors.js';
import { isSafeEntryName } from './zip.js';

/**
 * An OOXML package (XLSX, and the DOCX reader, which embeds workbooks) inflated with both sizes checked (issue 16):
 * the sizes the central directory declares are summed against the limit before anything is inflated, and each
 * entry is then inflated in small steps with fflate's streaming Inflate, stopped the moment it produces more than it
 * declared. A bomb that lies in its headers (100 KB declared, 1 GB inside) is refused after 100 KB, not after the
 * time limit; fflate's unzipSync would inflate the whole stream into a buffer of the declared size and drop the rest
 * without a word.
 * The central directory is read here (APPNOTE 6.3.10 §4.3.12, §4.3.16) because fflate does not expose entry offsets.
 */
export interface CheckedLimits {
  /** Total inflated bytes allowed, declared and actual. */
  maxTotalBytes: number;
  maxEntries?: number;
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  offset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
/** Bytes pushed to the inflater at a time: at zlib's best ratio one push yields about 16 MB at most. */
const STEP = 16 * 1024;

function directory(bytes: Uint8Array): Entry[] {
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new PermanentError('zip.corrupt', 'no end of central directory record: not a complete ZIP');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
      throw new PermanentError('zip.corrupt', `central directory entry ${i + 1} of ${count} is missing or damaged`);
    const nameLen = u16(bytes, at + 28);
    const e: Entry = {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLen)).toString(
        u16(bytes, at + 8) & 0x800 ? 'utf8' : 'latin1',
      ),
      method: u16(bytes, at + 10),
      compressed: u32(bytes, at + 20),
      declared: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
    };
    if (e.compressed === 0xffffffff || e.declared === 0xffffffff || e.offset === 0xffffffff)
      throw new PermanentError('zip.bomb', `${e.name} declares a ZIP64 size (4 GiB or more)`);
    entries.push(e);
    at += 46 + nameLen + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

function data(bytes: Uint8Array, e: Entry): Uint8Array {
  if (e.offset + 30 > bytes.length || u32(bytes, e.offset) !== 0x04034b50)
    throw new PermanentError('zip.corrupt', `${e.name}: its local header is missing or damaged`);
  const start = e.offset + 30 + u16(bytes, e.offset + 26) + u16(bytes, e.offset + 28);
  if (start + e.compressed > bytes.length)
    throw new PermanentError(
      'zip.corrupt',
      `${e.name}: ${e.compressed} compressed bytes declared past the end of the file`,
    );
  return bytes.subarray(start, start + e.compressed);
}

/** Inflates one entry, never past `limit` bytes; throws as soon as it passes what it declared. */
function inflateEntry(raw: Uint8Array, e: Entry, limit: number): Uint8Array {
  if (e.method === 0) {
    if (raw.length !== e.declared)
      throw new PermanentError(
        'zip.size_mismatch',
        `${e.name} is stored with ${raw.length} bytes but declares ${e.declared}`,
      );
    return raw;
  }
  if (e.method !== 8)
    throw new PermanentError('zip.unsupported_method', `${e.name} uses compression method ${e.method}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > e.declared)
      throw new PermanentError(
        'zip.size_mismatch',
        `${e.name} inflates past the ${e.declared} bytes it declares: a zip bomb that lies in its headers; refused`,
      );
    if (size > limit) throw new PermanentError('zip.bomb', `inflated size exceeds the package limit at ${e.name}`);
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < raw.length; at += STEP) inflater.push(raw.subarray(at, at + STEP), at + STEP >= raw.length);
    if (raw.length === 0) inflater.push(raw, true);
  } catch (err) {
    if (err instanceof PermanentError) throw err;
    throw new PermanentError('zip.corrupt', `${e.name}: deflate data is damaged (${(err as Error).message})`);
  }
  if (size !== e.declared)
    throw new PermanentError('zip.size_mismatch', `${e.name} inflates to ${size} bytes but declares ${e.declared}`);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Every entry inflated and checked; the ones `keep` accepts are returned by name (the last of two entries with one
 * name wins, as in fflate). Names that climb out of the archive, too many entries, a declared or actual total over
 * the limit, and an entry larger than it declares are PermanentErrors with zip.* codes.
 */
export function unzipChecked(
  bytes: Uint8Array,
  keep: (name: string) => boolean,
  limits: CheckedLimits,
): Map<string, Uint8Array> {
  const entries = directory(bytes).filter((e) => !e.name.endsWith('/'));
  const maxEntries = limits.maxEntries ?? 10_000;
  if (entries.length > maxEntries)
    throw new PermanentError('zip.too_many_entries', `archive has ${entries.length} entries, more than ${maxEntries}`);
  let declared = 0;
  for (const e of entries) {
    if (!isSafeEntryName(e.name))
      throw new PermanentError('zip.path_traversal', `entry name escapes the archive: ${e.name}`);
    declared += e.declared;
  }
  if (declared > limits.maxTotalBytes)
    throw new PermanentError('zip.bomb', `entries declare ${declared} inflated bytes, limit ${limits.maxTotalBytes}`);
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of entries) {
    const inflated = inflateEntry(data(bytes, e), e, limits.maxTotalBytes - total);
    total += inflated.length;
    if (keep(e.name)) out.set(e.name, inflated);
  }
  return out;
}
