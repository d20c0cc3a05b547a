import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import * as XLSX from '@e965/xlsx';

/** A file the damage is applied to: one of the project's own samples, or a file derived from one. */
export interface Base {
  /** Short name used in corpus file names ('pdf-fucheng-justice-2024-gongkai08-one-column'). */
  name: string;
  /** Where it comes from, relative to the repository ('samples/pdf/built/….pdf'). */
  from: string;
  ext: string;
  bytes: Uint8Array;
}

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLES = join(ROOT, 'samples');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return walk(p);
      return /\.md$/i.test(name) ? [] : [p];
    });
}

/**
 * A BIFF8 workbook written by SheetJS from the XLSX sample: the samples hold no .xls, and a real XLS is what a
 * renamed `.et` or a damaged Compound File needs. SheetJS writes no timestamps into the CFB, so the bytes are stable.
 */
function derivedXls(xlsx: Uint8Array): Uint8Array {
  const wb = XLSX.read(xlsx, { type: 'buffer' });
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xls' }) as Buffer);
}

let cached: Base[] | undefined;

/** Every sample under samples/ (SOURCES.md files aside), in a stable order, and the derived XLS. */
export function loadBases(): Base[] {
  if (cached) return cached;
  const out: Base[] = walk(SAMPLES).map((p) => {
    const ext = extname(p).toLowerCase();
    return {
      name: `${ext.slice(1)}-${basename(p, extname(p))}`,
      from: relative(ROOT, p),
      ext,
      bytes: new Uint8Array(readFileSync(p)),
    };
  });
  const xlsx = out.find((b) => b.ext === '.xlsx');
  if (!xlsx) throw new Error('samples/ holds no .xlsx to derive an .xls from');
  out.push({ name: 'xls-from-xlsx', from: `${xlsx.from} (as BIFF8)`, ext: '.xls', bytes: derivedXls(xlsx.bytes) });
  cached = out;
  return out;
}

export function baseNamed(prefix: string): Base {
  const found = loadBases().find((b) => b.name.startsWith(prefix));
  if (!found) throw new Error(`no sample named ${prefix}*`);
  return found;
}
