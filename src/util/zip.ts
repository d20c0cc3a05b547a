import { unzipSync, type UnzipFileInfo } from 'fflate';

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

/** Entry names that escape the package (`../`, absolute paths) are refused by unzipChecked (zip-checked.ts). */
export function isSafeEntryName(name: string): boolean {
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split(/[\\/]/).some((seg) => seg === '..');
}
