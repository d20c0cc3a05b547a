import { strToU8, zipSync } from 'fflate';
import { defaultLimits, type ExtractContext } from '../../../../src/extract/types.js';

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"';

/** A minimal DOCX package around a body fragment, for one-feature tests. */
export function tinyDocx(
  body: string,
  rels: Array<{ id: string; type: string; target: string }> = [],
  parts: Record<string, Uint8Array> = {},
): Uint8Array {
  const relXml = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${r.type}" Target="${r.target}"/>`,
    )
    .join('')}</Relationships>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
    'word/_rels/document.xml.rels': strToU8(relXml),
    ...parts,
  });
}

export const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

export function tc(text: string, pr = ''): string {
  return `<w:tc><w:tcPr>${pr}</w:tcPr>${text.split('\n').map(p).join('')}</w:tc>`;
}

export const tbl = (rows: string[][], grid: number): string =>
  `<w:tbl><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(grid)}</w:tblGrid>${rows.map((r) => `<w:tr>${r.join('')}</w:tr>`).join('')}</w:tbl>`;

export function ctx(limits: Partial<typeof defaultLimits> = {}): ExtractContext {
  return {
    source: { id: 'sha', url: 'file:t.docx', fetchedAt: '2026-01-01T00:00:00Z', mediaType: 'docx', size: 0 },
    limits: { ...defaultLimits, ocr: false, ...limits },
  };
}
