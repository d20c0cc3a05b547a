import PDFDocument from 'pdfkit';
import { type Recipe, rng } from './recipe.js';
import { imageOver, onePage, type PdfObject, smallGreyImage, stream, writePdf } from './pdf-writer.js';
import { deflateZeros } from './zip-writer.js';

const text = (s: string) => `BT /F1 12 Tf 72 720 Td (${s}) Tj ET`;
const A4 = '[0 0 595 842]';

/** Page trees that lie, loop or go on for ever (kind pdf-tree). */
function pageTrees(): Array<[string, string, () => Uint8Array]> {
  const page = (parent: number) =>
    `<< /Type /Page /Parent ${parent} 0 R /MediaBox ${A4} /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`;
  const tail: PdfObject[] = [stream('', text('2019 budget')), '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const catalog = '<< /Type /Catalog /Pages 2 0 R >>';
  return [
    [
      'count-huge',
      '/Count 2147483647 over one page',
      () => writePdf([catalog, '<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>', page(2), ...tail]),
    ],
    [
      'count-negative',
      '/Count -5',
      () => writePdf([catalog, '<< /Type /Pages /Kids [3 0 R] /Count -5 >>', page(2), ...tail]),
    ],
    [
      'cycle-self',
      'the root Pages node lists itself as its kid',
      () => writePdf([catalog, '<< /Type /Pages /Kids [2 0 R] /Count 1 >>', page(2), ...tail]),
    ],
    [
      'cycle-two',
      'two Pages nodes that are each other’s kid',
      () =>
        writePdf([
          catalog,
          '<< /Type /Pages /Kids [3 0 R] /Count 2 >>',
          '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>',
          ...tail,
        ]),
    ],
    [
      'kids-not-array',
      '/Kids is a number',
      () => writePdf([catalog, '<< /Type /Pages /Kids 7 /Count 1 >>', page(2), ...tail]),
    ],
    [
      'page-twice',
      'the same page object 10 000 times in /Kids',
      () => writePdf([catalog, `<< /Type /Pages /Kids [${'3 0 R '.repeat(10_000)}] /Count 10000 >>`, page(2), ...tail]),
    ],
    [
      '100000-pages',
      '100 000 real pages (one shared content stream)',
      () => {
        const n = 100_000;
        const first = 6;
        const kids = Array.from({ length: n }, (_, i) => `${first + i} 0 R`).join(' ');
        const pages = Array.from({ length: n }, () => page(2));
        return writePdf([catalog, `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, '<< >>', ...tail, ...pages]);
      },
    ],
    [
      'deep-5000',
      'a page 5 000 Pages levels down',
      () => {
        const depth = 5000;
        const objs: PdfObject[] = [catalog];
        // Objects 2 .. depth+1 are Pages nodes, each the only kid of the one before; then the page, content, font.
        for (let k = 0; k < depth; k++)
          objs.push(`<< /Type /Pages /Kids [${k + 3} 0 R] /Count 1${k ? ` /Parent ${k + 1} 0 R` : ''} >>`);
        const pageNo = depth + 2;
        objs.push(
          `<< /Type /Page /Parent ${depth + 1} 0 R /MediaBox ${A4} /Contents ${pageNo + 1} 0 R /Resources << /Font << /F1 ${pageNo + 2} 0 R >> >> >>`,
        );
        objs.push(...tail);
        return writePdf(objs);
      },
    ],
    [
      'xref-prev-self',
      'the trailer’s /Prev points at its own xref',
      () => writePdf(onePage(A4, text('2019 budget')), { prevSelf: true }),
    ],
    [
      'length-self',
      'a content stream whose /Length is a reference to itself',
      () => {
        const objs = onePage(A4, text('2019 budget'));
        const body = Buffer.from(`<< /Length 4 0 R >>\nstream\n${text('2019 budget')}\nendstream`, 'latin1').toString(
          'latin1',
        );
        objs[3] = body;
        return writePdf(objs);
      },
    ],
    [
      'nested-arrays',
      '200 000 nested arrays in the content stream',
      () => writePdf(onePage(A4, `${'['.repeat(200_000)}${']'.repeat(200_000)} pop ${text('x')}`)),
    ],
    [
      'nested-dicts',
      '100 000 nested dictionaries in the page object',
      () => {
        const objs = onePage(A4, text('2019 budget'));
        objs[2] = `<< /Type /Page /Parent 2 0 R /MediaBox ${A4} /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /X ${'<< /A '.repeat(100_000)}1${' >>'.repeat(100_000)} >>`;
        return writePdf(objs);
      },
    ],
  ];
}

/** Pages whose size or images would make a renderer allocate without bound (kind pdf-size). */
function pageSizes(): Array<[string, string, () => Promise<Uint8Array> | Uint8Array]> {
  const huge = 1e7;
  return [
    [
      'mediabox-1e7-image',
      'MediaBox of 1e7 points, one image over it (OCR renders it)',
      () => writePdf(onePage(`[0 0 ${huge} ${huge}]`, imageOver(huge, huge), smallGreyImage())),
    ],
    [
      'mediabox-1e7-text',
      'MediaBox of 1e7 points with a text layer',
      () => writePdf(onePage(`[0 0 ${huge} ${huge}]`, text('2019 budget'))),
    ],
    [
      'page-5000-image',
      'an image-only page of 5000 × 5000 points',
      () => writePdf(onePage('[0 0 5000 5000]', imageOver(5000, 5000), smallGreyImage())),
    ],
    [
      'page-14400-userunit',
      'a 14400-point page with /UserUnit 75000, image only',
      () => writePdf(onePage('[0 0 14400 14400]', imageOver(14400, 14400), smallGreyImage(), ' /UserUnit 75000')),
    ],
    [
      'mediabox-overflow',
      'MediaBox [0 0 1e400 1e400] (Infinity)',
      () => writePdf(onePage('[0 0 1e400 1e400]', imageOver(500, 500), smallGreyImage())),
    ],
    [
      'mediabox-inverted',
      'MediaBox [5000 5000 0 -5000], image only',
      () => writePdf(onePage('[5000 5000 0 -5000]', imageOver(5000, 5000), smallGreyImage())),
    ],
    [
      'rotate-tall',
      'a 200 × 1e7 page turned 90°, image only',
      () => writePdf(onePage(`[0 0 200 ${huge}]`, imageOver(200, huge), smallGreyImage(), ' /Rotate 90')),
    ],
    [
      'image-60000-zeros',
      'an A4 page showing a 60000 × 60000 grey image of compressed zeros (3.6 GB inflated)',
      async () => {
        const z = await deflateZeros(60_000 * 60_000, { zlibWrapper: true });
        const image: PdfObject = {
          dict: '/Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
          stream: z.stored,
        };
        return writePdf(onePage(A4, imageOver(595, 842), image));
      },
    ],
    [
      'image-claims-100000',
      'an image that declares 100000 × 100000 pixels and holds 300 bytes',
      () => {
        const image: PdfObject = {
          dict: '/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceRGB /BitsPerComponent 8',
          stream: new Uint8Array(300).fill(7),
        };
        return writePdf(onePage(A4, imageOver(595, 842), image));
      },
    ],
  ];
}

/**
 * pdfkit with a seeded source of "random" bytes: AES keys, salts and IVs come from crypto.getRandomValues, which is
 * swapped for the recipe's generator while the file is written, so the encrypted files are the same on every build.
 */
async function encryptedPdf(opts: Record<string, unknown>, seed: number): Promise<Uint8Array> {
  const c = globalThis.crypto as Crypto & { getRandomValues: Crypto['getRandomValues'] };
  const real = c.getRandomValues;
  const rand = rng(seed);
  Object.defineProperty(c, 'getRandomValues', {
    configurable: true,
    writable: true,
    value: <T extends ArrayBufferView | null>(a: T): T => {
      if (a) {
        const v = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        for (let i = 0; i < v.length; i++) v[i] = Math.floor(rand() * 256);
      }
      return a;
    },
  });
  try {
    const date = new Date(Date.UTC(2020, 5, 1));
    const doc = new PDFDocument({ ...opts, info: { CreationDate: date, ModDate: date, Title: '2019 budget' } });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    const done = new Promise<void>((r) => doc.on('end', () => r()));
    doc.fontSize(14).text('2019 department budget: total 490.68', 72, 72);
    doc.end();
    await done;
    return new Uint8Array(Buffer.concat(chunks));
  } finally {
    Object.defineProperty(c, 'getRandomValues', { configurable: true, writable: true, value: real });
  }
}

function encrypted(): Array<[string, string, () => Promise<Uint8Array> | Uint8Array]> {
  return [
    ['rc4-40', 'RC4 40-bit, user password', () => encryptedPdf({ pdfVersion: '1.3', userPassword: 'secret' }, 1)],
    ['rc4-128', 'RC4 128-bit, user password', () => encryptedPdf({ pdfVersion: '1.4', userPassword: 'secret' }, 2)],
    ['aes-128', 'AES-128, user password', () => encryptedPdf({ pdfVersion: '1.6', userPassword: 'secret' }, 3)],
    [
      'aes-256',
      'AES-256 (R6), user password',
      () => encryptedPdf({ pdfVersion: '1.7ext3', userPassword: 'secret' }, 4),
    ],
    [
      'owner-only',
      'owner password only: opens without one',
      () => encryptedPdf({ pdfVersion: '1.7ext3', ownerPassword: 'owner' }, 5),
    ],
    [
      'bad-encrypt-dict',
      'an /Encrypt dictionary with an unknown handler version',
      () =>
        writePdf([...onePage(A4, text('2019 budget')), '<< /Filter /Standard /V 99 /R 99 /O (x) /U (y) /P -1 >>'], {
          trailerExtra: ' /Encrypt 6 0 R /ID [<00> <00>]',
        }),
    ],
  ];
}

export function pdfRecipes(): Recipe[] {
  const make = (
    kind: Recipe['kind'],
    list: Array<[string, string, () => Promise<Uint8Array> | Uint8Array]>,
  ): Recipe[] =>
    list.map(([name, note, fn]) => ({ path: `${kind}/${name}.pdf`, kind, base: 'crafted', note, make: fn }));
  return [...make('pdf-tree', pageTrees()), ...make('pdf-size', pageSizes()), ...make('pdf-encrypted', encrypted())];
}
