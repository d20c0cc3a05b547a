import type { MetaField } from '../../model/document.js';
import { PDF_EXTRACTOR, type PdfDocument } from './load.js';

const KEYS: Array<[string, MetaField['key']]> = [
  ['Title', 'title'],
  ['Author', 'author'],
  ['Producer', 'producer'],
  ['Creator', 'creator'],
  ['CreationDate', 'createdAt'],
];

/** The PDF Info dictionary (title, producer...), for classification and provenance. */
export async function readMeta(doc: PdfDocument, sourceId: string): Promise<MetaField[]> {
  const { info } = await doc.getMetadata().catch(() => ({ info: {} as Record<string, unknown> }));
  const dict = (info ?? {}) as Record<string, unknown>;
  const out: MetaField[] = [];
  for (const [from, key] of KEYS) {
    const value = dict[from];
    if (typeof value === 'string' && value.trim()) {
      out.push({
        key,
        value: value.trim(),
        prov: { sourceId, page: 1, method: 'structure', extractor: PDF_EXTRACTOR },
      });
    }
  }
  return out;
}
