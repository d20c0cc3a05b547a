import zlib from 'node:zlib';
import { baseNamed } from './bases.js';
import { withPart } from './packages.js';
import type { Recipe } from './recipe.js';
import { deflateZeros } from './zip-writer.js';

/** A PNG chunk (PNG spec §5.3): length, type, data, CRC over type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A greyscale 8-bit PNG that claims `w` × `h` and carries the given IDAT stream (zlib). */
export function png(w: number, h: number, idat: Uint8Array): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w >>> 0, 0);
  ihdr.writeUInt32BE(h >>> 0, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]),
  );
}

/** A PNG of `w` × `h` zero (black) pixels whose IDAT really inflates to (w + 1) · h bytes. */
async function zerosPng(w: number, h: number): Promise<Uint8Array> {
  return png(w, h, (await deflateZeros((w + 1) * h, { zlibWrapper: true })).stored);
}

/** A baseline JPEG header that claims `w` × `h` (SOF0), with a scan of a few junk bytes. */
function jpegClaiming(w: number, h: number): Uint8Array {
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, h >> 8, h & 0xff, w >> 8, w & 0xff, 1, 1, 0x11, 0]);
  const dqt = Buffer.concat([Buffer.from([0xff, 0xdb, 0, 67, 0]), Buffer.alloc(64, 1)]);
  const sos = Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0]);
  return new Uint8Array(
    Buffer.concat([Buffer.from([0xff, 0xd8]), dqt, sof, sos, Buffer.alloc(64, 0x55), Buffer.from([0xff, 0xd9])]),
  );
}

let bigZeros: Promise<Uint8Array> | undefined;
/** 60000 × 60000 black pixels: 3.6 GB inflated, about 3.5 MB as written; built once per run. */
const sixtyK = () => (bigZeros ??= zerosPng(60_000, 60_000));

const claims100k = () => png(100_000, 100_000, new Uint8Array(zlib.deflateSync(Buffer.alloc(1000))));

/** Pictures whose header or data would make a decoder allocate gigabytes (kind image-bomb). */
export function imageBombs(): Recipe[] {
  const yangling = baseNamed('docx-yangling');
  const list: Array<[string, string, string, () => Promise<Uint8Array> | Uint8Array]> = [
    ['png-claims-100000.png', 'IHDR claims 100000 × 100000, 1 KB of data', 'crafted', claims100k],
    ['png-60000-zeros.png', '60000 × 60000 black pixels, really compressed (3.6 GB inflated)', 'crafted', sixtyK],
    [
      'png-9000-zeros.png',
      '9000 × 9000 black pixels (81 MP, under the 100 MP limit)',
      'crafted',
      () => zerosPng(9000, 9000),
    ],
    [
      'png-zero-width.png',
      'IHDR width 0',
      'crafted',
      () => png(0, 100, new Uint8Array(zlib.deflateSync(Buffer.alloc(100)))),
    ],
    ['jpeg-claims-65535.jpg', 'SOF0 claims 65535 × 65535', 'crafted', () => jpegClaiming(65_535, 65_535)],
    [
      'docx-png-claims-100000.docx',
      'the table screenshot word/media/image3.png replaced by a PNG claiming 100000 × 100000',
      yangling.from,
      () => withPart(yangling, 'word/media/image3.png', claims100k()),
    ],
    [
      'docx-png-60000-zeros.docx',
      'word/media/image3.png replaced by 60000 × 60000 compressed black pixels',
      yangling.from,
      async () => withPart(yangling, 'word/media/image3.png', await sixtyK()),
    ],
    [
      'docx-jpeg-claims-65535.docx',
      'word/media/image3.png replaced by a JPEG claiming 65535 × 65535',
      yangling.from,
      () => withPart(yangling, 'word/media/image3.png', jpegClaiming(65_535, 65_535)),
    ],
  ];
  return list.map(([file, note, base, make]) => ({ path: `image-bomb/${file}`, kind: 'image-bomb', base, note, make }));
}
