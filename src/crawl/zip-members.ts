import { createHash } from 'node:crypto';
import { isPermanent, PermanentError } from '../model/errors.js';
import { unzipChecked } from '../util/zip-checked.js';
import { decodeLegacyName } from './legacy-name.js';

export interface ZipMember {
  /** Entry path inside the archive, decoded (GBK names are common in Chinese archives). */
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Directories, macOS resource forks and Thumbs.db are not documents. */
function isDocumentEntry(name: string): boolean {
  return !name.endsWith('/') && !name.startsWith('__MACOSX/') && !/(^|\/)(\.DS_Store|Thumbs\.db)$/i.test(name);
}

/**
 * A ZIP attachment's member documents (issue 6), within the entry-count and inflated-size limits of unzipChecked,
 * which checks the sizes the archive declares and the sizes it inflates to (issue 16: a bomb that lies in its
 * headers stops at what it declared); zip bombs and `../` names throw PermanentError. Nested archives are returned
 * as members and not opened again: one level is what these sites publish.
 */
export function zipMembers(bytes: Uint8Array, limits: { maxEntries: number; maxTotalBytes: number }): ZipMember[] {
  let files: Map<string, Uint8Array>;
  try {
    files = unzipChecked(bytes, isDocumentEntry, limits);
  } catch (err) {
    if (isPermanent(err)) throw err;
    throw new PermanentError(
      'zip.corrupt',
      `unreadable ZIP archive: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return [...files.entries()]
    .map(([raw, data]) => ({ name: decodeLegacyName(raw), bytes: data, sha256: sha256Hex(data) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
