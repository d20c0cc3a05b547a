// The floor of `npm run bench` (issue 12): bare pdf.js, getTextContent of every page of the given PDFs, as a process
// of its own; prints {"pages": n}. Plain JavaScript so it pays no compiler, as a user's own pdf.js script would not.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

let pages = 0;
for (const file of process.argv.slice(2)) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, verbosity: 0 })
    .promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    page.cleanup();
    pages++;
  }
  await doc.destroy();
}
process.stdout.write(`${JSON.stringify({ pages })}\n`);
