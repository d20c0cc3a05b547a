import { unzipSync } from 'fflate';
import { baseNamed, type Base } from './bases.js';
import { type Recipe, utf8 } from './recipe.js';
import { deflated, deflateZeros, storedEntry, writeZip, type ZipEntry, type ZipOptions } from './zip-writer.js';

/** A sample package's parts, in archive order, directories left out. */
export function partsOf(base: Base): Array<[string, Uint8Array]> {
  return Object.entries(unzipSync(base.bytes)).filter(([name]) => !name.endsWith('/'));
}

/** Repacks a sample with `edit` applied to its entries (deflated again, honest headers unless edited). */
export function repack(
  base: Base,
  edit: (entries: ZipEntry[]) => ZipEntry[] = (e) => e,
  opts: ZipOptions = {},
): Uint8Array {
  return writeZip(edit(partsOf(base).map(([n, d]) => deflated(n, d))), opts);
}

/** Replaces the data of part `name` (deflated, honest headers). */
export function withPart(base: Base, name: string, data: Uint8Array): Uint8Array {
  return repack(base, (es) => {
    const out = es.filter((e) => e.name !== name);
    out.push(deflated(name, data));
    return out;
  });
}

export const text = (base: Base, part: string): string => {
  const found = partsOf(base).find(([n]) => n === part);
  if (!found) throw new Error(`${base.from} has no ${part}`);
  return Buffer.from(found[1]).toString('utf8');
};

const mainPart = (base: Base): string => (base.ext === '.docx' ? 'word/document.xml' : 'xl/worksheets/sheet1.xml');
const relsPart = (base: Base): string =>
  base.ext === '.docx' ? 'word/_rels/document.xml.rels' : 'xl/_rels/workbook.xml.rels';

function edited(es: ZipEntry[], name: string, fn: (e: ZipEntry) => ZipEntry): ZipEntry[] {
  return es.map((e) => (e.name === name ? fn(e) : e));
}

function flipStored(e: ZipEntry): ZipEntry {
  const stored = new Uint8Array(e.stored);
  for (let i = 2; i < stored.length; i += Math.max(7, Math.floor(stored.length / 40))) stored[i] = stored[i]! ^ 0x5a;
  return { ...e, stored };
}

/** Corrupted entries of a package: bad data, bad headers, bad directory (kind zip-entry). */
export function zipEntryDamage(base: Base): Recipe[] {
  const main = mainPart(base);
  const rels = relsPart(base);
  const variants: Array<[string, string, () => Uint8Array]> = [
    ['main-flipped', `${main} compressed data corrupted`, () => repack(base, (es) => edited(es, main, flipStored))],
    ['rels-flipped', `${rels} compressed data corrupted`, () => repack(base, (es) => edited(es, rels, flipStored))],
    [
      'types-flipped',
      '[Content_Types].xml compressed data corrupted',
      () => repack(base, (es) => edited(es, '[Content_Types].xml', flipStored)),
    ],
    [
      'method-99',
      `${main} uses compression method 99`,
      () => repack(base, (es) => edited(es, main, (e) => ({ ...e, method: 99 }))),
    ],
    [
      'stored-but-deflated',
      `${main} says stored (method 0) but holds deflate data`,
      () => repack(base, (es) => edited(es, main, (e) => ({ ...e, method: 0 }))),
    ],
    [
      'crc-wrong',
      `${main} has a wrong CRC-32`,
      () => repack(base, (es) => edited(es, main, (e) => ({ ...e, crc: e.crc ^ 0xdeadbeef }))),
    ],
    [
      'compressed-size-huge',
      `${main} claims a compressed size past the end of the file`,
      () => repack(base, (es) => edited(es, main, (e) => ({ ...e, declaredCompressed: 0xfffffff0 }))),
    ],
    [
      'main-truncated-stream',
      `${main}'s deflate stream cut in half, headers unchanged`,
      () => repack(base, (es) => edited(es, main, (e) => ({ ...e, stored: e.stored.slice(0, e.stored.length >> 1) }))),
    ],
    [
      'main-empty',
      `${main} is empty`,
      () => repack(base, (es) => edited(es, main, (e) => storedEntry(e.name, new Uint8Array(0)))),
    ],
    ['main-missing', `${main} is not in the package`, () => repack(base, (es) => es.filter((e) => e.name !== main))],
    [
      'main-twice',
      `two entries named ${main}, the first one junk`,
      () => repack(base, (es) => [deflated(main, utf8('<junk/>')), ...es]),
    ],
    [
      'directory-offset-beyond',
      'the end record points past the file',
      () => repack(base, undefined, { claimedDirectoryOffset: 0x7ffffff0 }),
    ],
    ['count-65535', 'the end record claims 65535 entries', () => repack(base, undefined, { claimedCount: 0xffff })],
    [
      'no-directory',
      'local entries only, no central directory or end record',
      () => repack(base, undefined, { omitDirectory: true }),
    ],
    [
      'comment-65535',
      'a 65535-byte archive comment after the end record',
      () => repack(base, undefined, { comment: new Uint8Array(0xffff).fill(0x50) }),
    ],
  ];
  if (base.name.startsWith('docx-yangling')) {
    for (const part of [
      'word/embeddings/oleObject1.bin',
      'word/media/image1.emf',
      'word/media/image3.png',
      'word/embeddings/Microsoft_Excel_Worksheet1.xlsx',
    ]) {
      const short = part.split('/').pop()!.replace(/\W+/g, '-');
      variants.push([
        `${short}-flipped`,
        `${part} compressed data corrupted`,
        () => repack(base, (es) => edited(es, part, flipStored)),
      ]);
      variants.push([
        `${short}-bytes-flipped`,
        `${part} inflated bytes corrupted (valid deflate)`,
        () =>
          repack(base, (es) =>
            edited(es, part, () => {
              const data = new Uint8Array(partsOf(base).find(([n]) => n === part)![1]);
              for (let i = 0; i < data.length; i += 97) data[i] = data[i]! ^ 0xff;
              return deflated(part, data);
            }),
          ),
      ]);
    }
  }
  return variants.map(([label, note, make]) => ({
    path: `zip-entry/${base.name}-${label}${base.ext}`,
    kind: 'zip-entry',
    base: base.from,
    note,
    make,
  }));
}

const GiB = 1024 ** 3;
let zeros: Promise<Awaited<ReturnType<typeof deflateZeros>>> | undefined;
/** 1 GiB of zeros after an XML declaration, deflated once per run (about 1 MiB). */
const gibOfZeros = () => (zeros ??= deflateZeros(GiB, { prefix: utf8('<?xml version="1.0"?>\n<x>') }));

async function bomb(name: string, declared?: number): Promise<ZipEntry> {
  const z = await gibOfZeros();
  return { name, stored: z.stored, method: 8, crc: z.crc, declaredSize: declared ?? z.size };
}

/** Zip bombs: honest headers (refused before inflating), lying headers (only the inflated size tells), many entries. */
export function zipBombs(): Recipe[] {
  const kaili = baseNamed('docx-kaili');
  const yangling = baseNamed('docx-yangling');
  const xlsx = baseNamed('xlsx-');
  const replace = (base: Base, entry: ZipEntry) =>
    repack(base, (es) => [...es.filter((e) => e.name !== entry.name), entry]);
  const lyingXlsx = async () => replace(xlsx, await bomb('xl/worksheets/sheet1.xml', 6346));
  const list: Array<[string, string, string, Base, () => Promise<Uint8Array>]> = [
    [
      'docx-honest.docx',
      'word/document.xml inflates to 1 GiB and says so',
      kaili.from,
      kaili,
      async () => replace(kaili, await bomb('word/document.xml')),
    ],
    [
      'docx-lying.docx',
      'word/document.xml declares 100 000 bytes and inflates to 1 GiB',
      kaili.from,
      kaili,
      async () => replace(kaili, await bomb('word/document.xml', 100_000)),
    ],
    [
      'docx-lying-media.docx',
      'word/media/image3.png declares 68 684 bytes and inflates to 1 GiB',
      yangling.from,
      yangling,
      async () => replace(yangling, await bomb('word/media/image3.png', 68_684)),
    ],
    [
      'docx-declares-4gib.docx',
      'word/document.xml declares 4 GiB, holds its real 81 KB',
      kaili.from,
      kaili,
      async () => repack(kaili, (es) => edited(es, 'word/document.xml', (e) => ({ ...e, declaredSize: 0xffffffff }))),
    ],
    [
      'docx-20000-entries.docx',
      '20 000 extra empty entries',
      kaili.from,
      kaili,
      async () =>
        repack(kaili, (es) => [
          ...es,
          ...Array.from({ length: 20_000 }, (_, i) => storedEntry(`word/media/e${i}.bin`, new Uint8Array(0))),
        ]),
    ],
    [
      'docx-embedded-xlsx-lying.docx',
      'the embedded workbook is an xlsx whose sheet1.xml lies about inflating to 1 GiB',
      yangling.from,
      yangling,
      async () => replace(yangling, deflated('word/embeddings/Microsoft_Excel_Worksheet1.xlsx', await lyingXlsx())),
    ],
    [
      'xlsx-honest.xlsx',
      'sheet1.xml inflates to 1 GiB and says so',
      xlsx.from,
      xlsx,
      async () => replace(xlsx, await bomb('xl/worksheets/sheet1.xml')),
    ],
    ['xlsx-lying.xlsx', 'sheet1.xml declares 6 346 bytes and inflates to 1 GiB', xlsx.from, xlsx, lyingXlsx],
    [
      'xlsx-lying-media.xlsx',
      'xl/media/bomb.bin (not XML) declares 1 000 bytes and inflates to 1 GiB',
      xlsx.from,
      xlsx,
      async () => replace(xlsx, await bomb('xl/media/bomb.bin', 1000)),
    ],
    [
      'zip-lying.zip',
      'a plain ZIP attachment whose one entry lies about inflating to 1 GiB',
      'crafted',
      kaili,
      async () => writeZip([await bomb('report.pdf', 50_000)]),
    ],
  ];
  return list.map(([file, note, from, , make]) => ({
    path: `zip-bomb/${file}`,
    kind: 'zip-bomb',
    base: from,
    note,
    make,
  }));
}
