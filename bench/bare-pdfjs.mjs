// The floor of `npm run bench` (issue 12): bare pdf.js, getTextContent of every page of the given PDFs, as a process
// of its own; prints {"pages": n}. With --operator-list it also takes each page's operator list, what any table
// extractor on pdf.js needs for ruling lines: a second reference, not the floor the issue measures against.
// Plain JavaScript so it pays no compiler, as a user's own pdf.js script would not.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const operatorList = process.argv.includes('--operator-list');
let pages = 0;
for (const file of process.argv.slice(2).filter((a) => a !== '--operator-list')) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, verbosity: 0 })
    .promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    if (operatorList) await page.getOperatorList();
    page.cleanup();
    pages++;
  }
  await doc.destroy();
}
process.stdout.write(`${JSON.stringify({ pages })}\n`);
