import PDFDocument from 'pdfkit';

/** Builds a small PDF in memory with pdfkit (standard Helvetica, so no font files are needed). */
export function makePdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 36, compress: false, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** A two-column ruled table at top-left (x, y), rows of 20 pt, columns of 120 pt. */
export function ruledTable(doc: PDFKit.PDFDocument, x: number, y: number, rows: string[][]): void {
  const w = 120,
    h = 20;
  rows.forEach((r, i) =>
    r.forEach((t, j) => doc.fontSize(10).text(t, x + j * w + 4, y + i * h + 5, { lineBreak: false })),
  );
  for (let i = 0; i <= rows.length; i++)
    doc
      .moveTo(x, y + i * h)
      .lineTo(x + 2 * w, y + i * h)
      .stroke();
  for (let j = 0; j <= 2; j++)
    doc
      .moveTo(x + j * w, y)
      .lineTo(x + j * w, y + rows.length * h)
      .stroke();
}
