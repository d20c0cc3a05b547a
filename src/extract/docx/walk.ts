import type { AnyNode, Element } from 'domhandler';

/**
 * The body of word/document.xml as a flat list of blocks in document order: paragraphs,
 * native tables, embedded OLE objects and pictures. Containers (content controls, custom XML,
 * insertions, hyperlinks) are looked through; deletions and field instructions are skipped.
 */
export type Block =
  | { kind: 'para'; text: string; index: number }
  | { kind: 'table'; el: Element; index: number }
  | { kind: 'object'; objectRid?: string; previewRid?: string; progId?: string }
  | { kind: 'picture'; rid: string; widthPt?: number; heightPt?: number };

/** Symbol-font characters Word inserts for check boxes (Wingdings / Wingdings 2 private-use codes). */
const SYMBOLS: Record<string, string> = {
  'wingdings:F06F': '□',
  'wingdings:F0A8': '□',
  'wingdings:F0FE': '☑',
  'wingdings:F0FD': '☒',
  'wingdings:F0FC': '√',
  'wingdings:F078': '☒',
  'wingdings 2:F0A3': '□',
  'wingdings 2:F02A': '□',
  'wingdings 2:F052': '☑',
  'wingdings 2:F050': '√',
  'wingdings 2:F054': '☒',
  'wingdings 2:F053': '☒',
};

export function symbolChar(font: string, code: string): string {
  const key = `${font.toLowerCase()}:${code.toUpperCase().replace(/^([0-9A-F]{2})$/, 'F0$1')}`;
  return SYMBOLS[key] ?? '';
}

const SKIP = new Set([
  'w:delText',
  'w:instrText',
  'w:del',
  'w:moveFrom',
  'w:rPr',
  'w:pPr',
  'mc:Fallback',
  'w:footnoteReference',
  'w:commentReference',
]);

export const isTag = (n: AnyNode): n is Element => n.type === 'tag';
export const kids = (el: Element): Element[] => el.children.filter(isTag);

export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/** Points from a VML style ('width:415.5pt;height:120pt'). */
function vmlSize(style: string | undefined, key: 'width' | 'height'): number | undefined {
  const m = new RegExp(`${key}:\\s*([\\d.]+)(pt|in|px)`).exec(style ?? '');
  if (!m) return undefined;
  const v = Number(m[1]);
  return m[2] === 'in' ? v * 72 : m[2] === 'px' ? v * 0.75 : v;
}

function find(el: Element, name: string): Element | undefined {
  for (const k of kids(el)) {
    if (k.name === name) return k;
    const deeper = find(k, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Text of a paragraph (or any run container), with the objects and pictures it holds. */
export function paragraphContent(p: Element): { text: string; objects: Block[] } {
  let text = '';
  const objects: Block[] = [];
  const visit = (el: Element): void => {
    if (SKIP.has(el.name)) return;
    switch (el.name) {
      case 'w:t':
        text += el.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
        return;
      case 'w:tab':
        text += '\t';
        return;
      case 'w:br':
      case 'w:cr':
        text += '\n';
        return;
      case 'w:noBreakHyphen':
        text += '-';
        return;
      case 'w:sym':
        text += symbolChar(attr(el, 'w:font') ?? '', attr(el, 'w:char') ?? '');
        return;
      case 'w:object': {
        // VML form (o:OLEObject + v:imagedata), or the DrawingML form newer Word writes
        // (w:objectEmbed + a:blip inside w:drawing).
        const ole = find(el, 'o:OLEObject');
        const embed = find(el, 'w:objectEmbed');
        const image = find(el, 'v:imagedata');
        const blip = find(el, 'a:blip');
        const block: Block = { kind: 'object' };
        const objectRid = (ole && attr(ole, 'r:id')) ?? (embed && attr(embed, 'r:id'));
        const previewRid = (image && attr(image, 'r:id')) ?? (blip && attr(blip, 'r:embed'));
        const progId = (ole && attr(ole, 'ProgID')) ?? (embed && attr(embed, 'w:progId'));
        if (objectRid) block.objectRid = objectRid;
        if (previewRid) block.previewRid = previewRid;
        if (progId) block.progId = progId;
        objects.push(block);
        return;
      }
      case 'w:drawing': {
        const blip = find(el, 'a:blip');
        const extent = find(el, 'wp:extent');
        const rid = blip && (attr(blip, 'r:embed') ?? attr(blip, 'r:link'));
        if (rid) {
          const emu = (v: string | undefined): number | undefined => (v ? Number(v) / 12700 : undefined);
          const widthPt = emu(extent && attr(extent, 'cx'));
          const heightPt = emu(extent && attr(extent, 'cy'));
          objects.push({ kind: 'picture', rid, ...(widthPt ? { widthPt } : {}), ...(heightPt ? { heightPt } : {}) });
        }
        return;
      }
      case 'w:pict': {
        const image = find(el, 'v:imagedata');
        const shape = find(el, 'v:shape');
        const rid = image && attr(image, 'r:id');
        if (rid) {
          const style = shape && attr(shape, 'style');
          const widthPt = vmlSize(style, 'width');
          const heightPt = vmlSize(style, 'height');
          objects.push({ kind: 'picture', rid, ...(widthPt ? { widthPt } : {}), ...(heightPt ? { heightPt } : {}) });
        }
        return;
      }
      default:
        kids(el).forEach(visit);
    }
  };
  kids(p).forEach(visit);
  return { text, objects };
}

/** The body's blocks in document order. */
export function walkBody(body: Element): Block[] {
  const blocks: Block[] = [];
  let paras = 0;
  let tables = 0;
  const visit = (el: Element): void => {
    if (SKIP.has(el.name) || el.name === 'w:sectPr') return;
    if (el.name === 'w:p') {
      const { text, objects } = paragraphContent(el);
      blocks.push({ kind: 'para', text, index: ++paras });
      blocks.push(...objects);
    } else if (el.name === 'w:tbl') {
      blocks.push({ kind: 'table', el, index: ++tables });
    } else kids(el).forEach(visit);
  };
  kids(body).forEach(visit);
  return blocks;
}

export function findBody(root: { children: AnyNode[] }): Element | undefined {
  for (const n of root.children) {
    if (!isTag(n)) continue;
    if (n.name === 'w:body') return n;
    const deeper = findBody(n);
    if (deeper) return deeper;
  }
  return undefined;
}
