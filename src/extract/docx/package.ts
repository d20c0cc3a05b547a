import { load } from 'cheerio';
import type { Document, Element } from 'domhandler';
import { PermanentError } from '../../model/errors.js';
import { unzipChecked } from '../../util/zip-checked.js';
import { xmlText } from '../xlsx/xml-text.js';

/** One relationship of word/document.xml (ECMA-376 Part 2, §9.3), its target resolved to a part name. */
export interface Rel {
  id: string;
  type: string;
  target: string;
  /** Part name inside the package, or undefined for external targets and targets that escape the package. */
  part?: string;
  escapes?: boolean;
}

export interface DocxPackage {
  parts: Map<string, Uint8Array>;
  rels: Map<string, Rel>;
  document: Document;
}

/**
 * Deepest element nesting read. Word nests a table in a cell in a table at most a few levels, content controls a
 * few more; the readers walk the tree recursively, and tables nested 20 000 deep overflow the stack (issue 16).
 */
export const MAX_XML_DEPTH = 500;

/**
 * Most elements parsed in one part. cheerio's tree costs about 1 KB of heap per element: a table of 300 000 cells
 * (1.2 million elements, 18 MB of XML) took the ingest past 3 GB. A 300-page report has a few hundred thousand.
 */
export const MAX_XML_ELEMENTS = 1_000_000;

/** Elements and depth of an XML text in one linear pass (comments, CDATA and instructions aside). */
export function xmlShape(text: string): { depth: number; elements: number } {
  let depth = 0;
  let max = 0;
  let elements = 0;
  for (const m of text.matchAll(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)[^\s/>]+[^>]*?(\/?)>/g)) {
    if (m[0][1] === '!' || m[0][1] === '?') continue;
    if (!m[1]) elements++;
    if (m[2]) continue;
    if (m[1]) depth--;
    else if (++depth > max) max = depth;
  }
  return { depth: max, elements };
}

/**
 * XML in a package never needs a DTD; a DOCTYPE is how entity-expansion attacks (billion
 * laughs, external entities) arrive, so any part declaring one is refused.
 */
export function parseXmlPart(bytes: Uint8Array, part: string): Document {
  const text = xmlText(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new PermanentError('docx.xml_entities', `${part} declares a DOCTYPE or entities; refused`);
  const { depth, elements } = xmlShape(text);
  if (elements > MAX_XML_ELEMENTS)
    throw new PermanentError(
      'docx.too_large',
      `${part} has ${elements} elements, over the ${MAX_XML_ELEMENTS} read; refused`,
    );
  if (depth > MAX_XML_DEPTH)
    throw new PermanentError(
      'docx.too_deep',
      `${part}: elements nest ${depth} deep, over the ${MAX_XML_DEPTH} read; refused`,
    );
  return load(text, { xml: { xmlMode: true, decodeEntities: true } }).root()[0] as unknown as Document;
}

/** Resolves a relationship target against word/, refusing '..' that climbs out of the package. */
export function resolveTarget(base: string, target: string): string | undefined {
  const parts = (target.startsWith('/') ? [] : base.split('/').filter(Boolean)).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(decodeURIComponent(p));
  }
  return out.join('/');
}

function relsOf(doc: Document): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  const visit = (nodes: Document['children']): void => {
    for (const n of nodes) {
      if (n.type !== 'tag') continue;
      const el = n as Element;
      if (el.name === 'Relationship') {
        const { Id: id, Type: type = '', Target: target = '', TargetMode: mode } = el.attribs;
        if (!id) continue;
        if (mode === 'External') {
          rels.set(id, { id, type, target });
          continue;
        }
        const part = resolveTarget('word', target);
        rels.set(id, part ? { id, type, target, part } : { id, type, target, escapes: true });
      } else visit(el.children);
    }
  };
  visit(doc.children);
  return rels;
}

/**
 * Opens a DOCX: every part inflated under the zip-bomb limit, its declared and actual sizes both checked
 * (zip-checked.ts), the main document parsed.
 */
export function openPackage(bytes: Uint8Array, maxInflatedBytes: number): DocxPackage {
  const parts = unzipChecked(bytes, () => true, { maxTotalBytes: maxInflatedBytes });
  const main = parts.get('word/document.xml');
  if (!main) throw new PermanentError('docx.no_document', 'package has no word/document.xml');
  const relsPart = parts.get('word/_rels/document.xml.rels');
  const rels = relsPart ? relsOf(parseXmlPart(relsPart, 'word/_rels/document.xml.rels')) : new Map<string, Rel>();
  return { parts, rels, document: parseXmlPart(main, 'word/document.xml') };
}
