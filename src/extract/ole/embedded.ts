import * as CFB from 'cfb';

/**
 * What an embedded object part holds. Word stores an Excel.Sheet.8 object as a Compound File
 * whose 'Workbook' stream is the BIFF8 workbook (plus \x01Ole and \x01CompObj streams); an
 * Excel.Sheet.12 object either as a Compound File with a 'Package' stream holding the .xlsx,
 * or as the .xlsx package itself (word/embeddings/Microsoft_Excel_Worksheet1.xlsx).
 */
export type Embedded =
  | { kind: 'workbook'; format: 'xls' | 'xlsx'; bytes: Uint8Array; progId?: string }
  | { kind: 'other'; progId?: string; streams: string[] }
  | { kind: 'unreadable'; reason: string };

const CFB_SIG = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB_SIG.every((b, i) => bytes[i] === b);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function streamBytes(entry: CFB.CFB$Entry | null): Uint8Array | undefined {
  if (!entry?.content) return undefined;
  return entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content);
}

/**
 * The ProgID from a \x01CompObj stream (MS-OLEDS 2.3.8): a 28-byte header, then three
 * length-prefixed ANSI strings: user type, clipboard format name, ProgID.
 */
export function compObjProgId(data: Uint8Array): string | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 28;
  const strings: string[] = [];
  for (let i = 0; i < 3 && at + 4 <= data.length; i++) {
    const len = view.getUint32(at, true);
    at += 4;
    // A clipboard format may be a 4-byte id (length 0xFFFFFFFF or 0xFFFFFFFE) instead of a name.
    if (len >= 0xfffffffe) {
      at += 4;
      strings.push('');
      continue;
    }
    if (len > 4096 || at + len > data.length) return undefined;
    strings.push(
      Buffer.from(data.subarray(at, at + len))
        .toString('latin1')
        .replace(/\0+$/, ''),
    );
    at += len;
  }
  return strings[2] || undefined;
}

/** Classifies an embedded object part; never throws. */
export function openEmbedding(bytes: Uint8Array): Embedded {
  if (isZip(bytes)) return { kind: 'workbook', format: 'xlsx', bytes };
  if (!isCompoundFile(bytes)) return { kind: 'unreadable', reason: 'neither a Compound File nor a ZIP package' };
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(bytes, { type: 'buffer' });
  } catch (err) {
    return { kind: 'unreadable', reason: `corrupt Compound File: ${err instanceof Error ? err.message : String(err)}` };
  }
  const compObj = streamBytes(CFB.find(cfb, '\u0001CompObj'));
  const progId = compObj ? compObjProgId(compObj) : undefined;
  const withProg = progId ? { progId } : {};
  if (CFB.find(cfb, 'Workbook') || CFB.find(cfb, 'Book'))
    return { kind: 'workbook', format: 'xls', bytes, ...withProg };
  const pkg = streamBytes(CFB.find(cfb, 'Package'));
  if (pkg && isZip(pkg)) return { kind: 'workbook', format: 'xlsx', bytes: pkg, ...withProg };
  const streams = cfb.FullPaths.filter((_, i) => cfb.FileIndex[i]?.type === 2);
  return { kind: 'other', streams, ...withProg };
}
