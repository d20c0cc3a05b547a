import type { Base } from './bases.js';
import { baseNamed } from './bases.js';
import { onePage, writePdf } from './pdf-writer.js';
import { randInt, type Recipe } from './recipe.js';

const EXTENSIONS = [
  '.pdf',
  '.docx',
  '.xlsx',
  '.xls',
  '.html',
  '.png',
  '.jpg',
  '.doc',
  '.wps',
  '.et',
  '.zip',
  '.txt',
  '',
];

/** The samples as they are: the control group (a damaged copy should never do better than these). */
export function intact(bases: Base[]): Recipe[] {
  return bases.map((b) => ({
    path: `intact/${b.name}${b.ext}`,
    kind: 'intact',
    base: b.from,
    note: 'the sample unchanged',
    make: () => b.bytes,
  }));
}

/**
 * Each sample under five names of other formats, chosen by its position so every extension is used: the content
 * decides the format, never the name. The bytes are the sample's with one trailing newline, so that the copies are
 * distinct documents (the same bytes are one document, which the `duplicate` kind checks).
 */
export function wrongExtensions(bases: Base[]): Recipe[] {
  return bases.flatMap((b, i) => {
    const others = EXTENSIONS.filter((e) => e !== b.ext);
    return Array.from({ length: 5 }, (_, k) => others[(i * 5 + k) % others.length]!).map((ext, k) => ({
      path: `wrong-ext/${b.name}-as${ext || '-none'}${ext}`,
      kind: 'wrong-ext' as const,
      base: b.from,
      note: `a ${b.ext} named ${ext || 'without an extension'}`,
      make: () => {
        // PDF and ZIP readers ignore what follows the end; HTML and images end with their own terminator.
        const pad = new Uint8Array(k + 1).fill(0x0a);
        return new Uint8Array(Buffer.concat([b.bytes, pad]));
      },
    }));
  });
}

export function empties(): Recipe[] {
  return EXTENSIONS.map((ext) => ({
    path: `empty/empty${ext || '-none'}${ext}`,
    kind: 'empty',
    base: 'crafted',
    note: 'zero bytes',
    make: () => new Uint8Array(0),
  }));
}

/** Signatures and nothing after them (kind tiny). */
export function tinies(): Recipe[] {
  const list: Array<[string, string, number[] | string]> = [
    ['pdf-header', '.pdf', '%PDF-'],
    ['pdf-header-eof', '.pdf', '%PDF-1.7\n%%EOF\n'],
    ['zip-local-sig', '.docx', [0x50, 0x4b, 0x03, 0x04]],
    ['zip-empty-archive', '.xlsx', [0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]],
    ['cfb-sig', '.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['png-sig', '.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['jpeg-soi', '.jpg', [0xff, 0xd8, 0xff]],
    ['html-open', '.html', '<html>'],
    ['utf8-bom', '.html', [0xef, 0xbb, 0xbf]],
    ['one-nul', '.pdf', [0]],
    ['emf-header', '.emf', [1, 0, 0, 0, ...new Array(36).fill(0), 0x20, 0x45, 0x4d, 0x46]],
  ];
  return list.map(([name, ext, bytes]) => ({
    path: `tiny/${name}${ext}`,
    kind: 'tiny',
    base: 'crafted',
    note: 'a signature with nothing after it',
    make: () => new Uint8Array(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes),
  }));
}

/** Seeded random bytes, alone or behind a real signature (kind garbage). */
export function garbage(): Recipe[] {
  const sigs: Array<[string, string, number[]]> = [
    ['random', '.pdf', []],
    ['random', '.docx', []],
    ['random', '.html', []],
    ['random', '.png', []],
    ['random', '.xls', []],
    ['after-pdf-sig', '.pdf', [...Buffer.from('%PDF-1.7\n', 'latin1')]],
    ['after-zip-sig', '.docx', [0x50, 0x4b, 0x03, 0x04]],
    ['after-cfb-sig', '.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['after-png-sig', '.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['after-jpeg-sig', '.jpg', [0xff, 0xd8, 0xff, 0xe0]],
    ['after-html-tag', '.html', [...Buffer.from('<html><body><table><tr><td>', 'latin1')]],
  ];
  const sizes = [1024, 65_536, 1 << 20];
  return sigs.flatMap(([name, ext, sig]) =>
    sizes
      .filter((n) => sig.length > 0 || n !== 65_536)
      .map((n) => ({
        path: `garbage/${name}-${n}${ext}`,
        kind: 'garbage' as const,
        base: 'crafted',
        note: `${n} random bytes${sig.length ? ' after a signature' : ''}`,
        make: (rand: () => number) => {
          const out = new Uint8Array(n);
          for (let i = 0; i < n; i++) out[i] = randInt(rand, 0, 255);
          out.set(sig.slice(0, n), 0);
          return out;
        },
      })),
  );
}

/** The same bytes twice in one ingest, under two names: one document, processed once (issue 16). */
export function duplicates(): Recipe[] {
  const html = baseNamed('html-');
  return ['first', 'second'].map((which) => ({
    path: `duplicate/${html.name}-${which}.html`,
    kind: 'duplicate',
    base: html.from,
    note: `the same bytes as the other duplicate (${which} copy)`,
    make: () => html.bytes,
  }));
}

/** A real workbook under the names WPS and Word use: read by content, never sent to a converter by name. */
export function renamedWorkbooks(): Recipe[] {
  const xls = baseNamed('xls-from-xlsx');
  const xlsx = baseNamed('xlsx-');
  const docx = baseNamed('docx-kaili');
  const list: Array<[string, Uint8Array, string]> = [
    ['xls-as.et', xls.bytes, 'a BIFF8 .xls named .et (WPS 表格)'],
    ['xls-as.doc', xls.bytes, 'a BIFF8 .xls named .doc'],
    ['xlsx-as.et', xlsx.bytes, 'an .xlsx named .et'],
    ['docx-as.wps', docx.bytes, 'a .docx named .wps'],
  ];
  return list.map(([name, bytes, note], k) => ({
    path: `renamed-workbook/${name}`,
    kind: 'renamed-workbook',
    base: name.startsWith('xls-') ? xls.from : name.startsWith('xlsx') ? xlsx.from : docx.from,
    note,
    // One trailing byte per file keeps them distinct from the wrong-ext copies of the same samples.
    make: () => new Uint8Array(Buffer.concat([bytes, new Uint8Array(k + 7)])),
  }));
}

/** A PDF whose text layer holds NUL and controls: storable only once normalised (kind text-unstorable). */
export function unstorablePdf(): Recipe[] {
  return [
    {
      path: 'text-unstorable/pdf-nul-text.pdf',
      kind: 'text-unstorable',
      base: 'crafted',
      note: 'a text layer with \\000 and \\001 in its strings',
      make: () =>
        writePdf(onePage('[0 0 595 842]', 'BT /F1 12 Tf 72 720 Td (2019 \\000\\000 total \\001 490.68) Tj ET')),
    },
  ];
}
