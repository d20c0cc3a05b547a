import { unzipSync, type UnzipFileInfo } from 'fflate';
import { PermanentError } from '../model/errors.js';

/** Names of a ZIP's entries, read from the central directory without inflating anything. */
export function listZipEntries(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (f: UnzipFileInfo) => {
      names.push(f.name);
      return false;
    },
  });
  return names;
}

export interface UnzipLimits {
  /** Total inflated bytes allowed across the entries read. */
  maxTotalBytes: number;
  /** Most entries allowed in the archive. */
  maxEntries?: number;
}

/**
 * Inflates the entries `want` accepts, refusing zip bombs: the declared sizes are checked
 * before inflating and the real sizes after (a lying header cannot get past the second check,
 * and fflate allocates from the declared size, so the first check bounds memory).
 * Entry names that escape the package (`../`, absolute paths) are refused.
 */
export function unzipLimited(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  limits: UnzipLimits,
): Map<string, Uint8Array> {
  let declared = 0;
  let entries = 0;
  const maxEntries = limits.maxEntries ?? 10_000;
  const files = unzipSync(bytes, {
    filter: (f) => {
      entries++;
      if (entries > maxEntries)
        throw new PermanentError('zip.too_many_entries', `archive has more than ${maxEntries} entries`);
      if (!want(f.name)) return false;
      if (!isSafeEntryName(f.name))
        throw new PermanentError('zip.path_traversal', `entry name escapes the archive: ${f.name}`);
      declared += f.originalSize;
      if (declared > limits.maxTotalBytes) {
        throw new PermanentError('zip.bomb', `inflated size exceeds ${limits.maxTotalBytes} bytes (declared)`);
      }
      return true;
    },
  });
  let total = 0;
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    total += data.length;
    if (total > limits.maxTotalBytes)
      throw new PermanentError('zip.bomb', `inflated size exceeds ${limits.maxTotalBytes} bytes`);
    out.set(name, data);
  }
  return out;
}

export function isSafeEntryName(name: string): boolean {
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split(/[\\/]/).some((seg) => seg === '..');
}
