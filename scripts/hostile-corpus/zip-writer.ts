import { once } from 'node:events';
import zlib from 'node:zlib';

/**
 * A ZIP writer that can lie (APPNOTE 6.3.10 §4.3): sizes, CRC, method and names are written as given, so the corpus
 * can hold headers that disagree with their data (a bomb that declares 100 KB and inflates to 1 GB), entries whose
 * names climb out of the archive, and directories that point nowhere. fflate and jszip refuse to write such files.
 */
export interface ZipEntry {
  name: string;
  /** Compressed bytes as stored (raw deflate for method 8). */
  stored: Uint8Array;
  method: number;
  crc: number;
  /** Inflated size written in both headers (the lie, where there is one). */
  declaredSize: number;
  /** Compressed size written in the headers; the real one by default. */
  declaredCompressed?: number;
}

export function deflated(name: string, data: Uint8Array): ZipEntry {
  return {
    name,
    stored: new Uint8Array(zlib.deflateRawSync(data, { level: 9 })),
    method: 8,
    crc: zlib.crc32(data),
    declaredSize: data.length,
  };
}

export function storedEntry(name: string, data: Uint8Array): ZipEntry {
  return { name, stored: data, method: 0, crc: zlib.crc32(data), declaredSize: data.length };
}

/**
 * Raw deflate of `total` zero bytes, streamed so the generator never holds the inflated size (zlib's best ratio is
 * about 1030:1, so 1 GiB of zeros is about 1 MiB). `prefix` is deflated first (an XML declaration, a PNG row filter).
 */
export async function deflateZeros(
  total: number,
  opts: { prefix?: Uint8Array; zlibWrapper?: boolean } = {},
): Promise<{ stored: Uint8Array; crc: number; size: number }> {
  const z = opts.zlibWrapper ? zlib.createDeflate({ level: 9 }) : zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const chunk = Buffer.alloc(1 << 20);
  let crc = 0;
  let size = 0;
  if (opts.prefix) {
    crc = zlib.crc32(opts.prefix, crc);
    size += opts.prefix.length;
    if (!z.write(opts.prefix)) await once(z, 'drain');
  }
  for (let left = total; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(piece, crc);
    size += piece.length;
    if (!z.write(piece)) await once(z, 'drain');
  }
  z.end();
  await once(z, 'end');
  return { stored: new Uint8Array(Buffer.concat(out)), crc, size };
}

/** Fixed DOS date and time (2020-06-01 00:00), as the samples carry: the same bytes on every build. */
const DOS_TIME = 0;
const DOS_DATE = ((2020 - 1980) << 9) | (6 << 5) | 1;

export interface ZipOptions {
  /** Central directory entry count to claim instead of the real one. */
  claimedCount?: number;
  /** Offset of the central directory to claim instead of the real one. */
  claimedDirectoryOffset?: number;
  /** Leave the central directory and the end record out (a download cut short). */
  omitDirectory?: boolean;
  comment?: Uint8Array;
}

export function writeZip(entries: ZipEntry[], opts: ZipOptions = {}): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE((e.declaredCompressed ?? e.stored.length) >>> 0, 18);
    local.writeUInt32LE(e.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, Buffer.from(e.stored));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE((e.declaredCompressed ?? e.stored.length) >>> 0, 20);
    dir.writeUInt32LE(e.declaredSize >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.stored.length;
  }
  if (opts.omitDirectory) return new Uint8Array(Buffer.concat(parts));
  const dirBytes = Buffer.concat(central);
  const comment = Buffer.from(opts.comment ?? new Uint8Array(0));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Math.min(0xffff, opts.claimedCount ?? entries.length);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE((opts.claimedDirectoryOffset ?? offset) >>> 0, 16);
  end.writeUInt16LE(comment.length, 20);
  return new Uint8Array(Buffer.concat([...parts, dirBytes, end, comment]));
}
