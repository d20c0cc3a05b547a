import zlib from 'node:zlib';

/**
 * A hand-written PDF (ISO 32000-1 §7.5): objects numbered from 1 in order, a classic xref table and a trailer whose
 * /Root is object 1. Hostile structure (cycles, absurd boxes, lying image sizes) is only possible by writing the
 * objects directly; pdfkit writes only sound files.
 */
export type PdfObject = string | { dict: string; stream: Uint8Array };

export function writePdf(objects: PdfObject[], opts: { trailerExtra?: string; prevSelf?: boolean } = {}): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(at);
    const head = Buffer.from(`${i + 1} 0 obj\n`, 'latin1');
    const body =
      typeof o === 'string'
        ? Buffer.from(`${o}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(`<< ${o.dict} /Length ${o.stream.length} >>\nstream\n`, 'latin1'),
            Buffer.from(o.stream),
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    chunks.push(head, body);
    at += head.length + body.length;
  });
  const xrefAt = at;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  const prev = opts.prevSelf ? ` /Prev ${xrefAt}` : '';
  chunks.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${prev}${opts.trailerExtra ?? ''} >>\nstartxref\n${xrefAt}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}

export const stream = (dict: string, data: string | Uint8Array): PdfObject => ({
  dict,
  stream: typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'latin1')) : data,
});

/** A content stream that draws one image over the whole page (an image-only page: a scan, for the pipeline). */
export const imageOver = (w: number, h: number): string => `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;

/** A small grey image with a pattern, Flate-compressed: enough ink that a renderer paints something. */
export function smallGreyImage(size = 16): PdfObject {
  const px = new Uint8Array(size * size).map((_, i) => (((i % size) + Math.floor(i / size)) % 4 === 0 ? 0 : 255));
  return {
    dict: `/Type /XObject /Subtype /Image /Width ${size} /Height ${size} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
    stream: new Uint8Array(zlib.deflateSync(px)),
  };
}

/** One page with `content` and the given box; an image resource /Im0 when `image` is given. Objects 1–4(5). */
export function onePage(box: string, content: string, image?: PdfObject, pageExtra = ''): PdfObject[] {
  const resources = image ? '/Resources << /XObject << /Im0 5 0 R >> >>' : '/Resources << /Font << /F1 5 0 R >> >>';
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox ${box} /Contents 4 0 R ${resources}${pageExtra} >>`,
    stream('', content),
    image ?? '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
}
