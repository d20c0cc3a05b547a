import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const SKIP = new Set([
  'script',
  'style',
  'head',
  'noscript',
  'template',
  'iframe',
  'object',
  'select',
  'option',
  'button',
]);
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'tr',
  'td',
  'th',
  'table',
  'tbody',
  'thead',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'dl',
  'center',
  'form',
  'nav',
]);

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * Text of an element as a browser lays it out: HTML whitespace collapses to one space,
 * <br> and block boundaries become line breaks; non-breaking and full-width spaces are
 * printed characters and are kept.
 */
export function blockText(_$: CheerioAPI, el: Element): string {
  const lines: string[] = [''];
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      lines[lines.length - 1] += (node as unknown as { data: string }).data.replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    if (!isElement(node) || SKIP.has(node.tagName)) return;
    if (node.tagName === 'br') {
      lines.push('');
      return;
    }
    const block = BLOCK.has(node.tagName);
    if (block) lines.push('');
    for (const child of node.children) walk(child);
    if (block) lines.push('');
  };
  for (const child of el.children) walk(child);
  return lines
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((l) => l !== '')
    .join('\n');
}

export type FlowItem = { kind: 'line'; text: string } | { kind: 'table'; el: Element };

/** Tables that hold other tables are page layout, not data. */
export function isDataTable($: CheerioAPI, el: Element): boolean {
  return $(el).find('table').length === 0;
}

/**
 * The page in reading order as text lines and data tables, so each table can be given the
 * lines printed just before it (title, 单位 line) and just after it (notes).
 */
export function flow($: CheerioAPI, root: Element): FlowItem[] {
  const items: FlowItem[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t]+/g, ' ').trim();
    if (t !== '') items.push({ kind: 'line', text: t });
    line = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      line += (node as unknown as { data: string }).data.replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    if (!isElement(node) || SKIP.has(node.tagName)) return;
    if (node.tagName === 'br') return flush();
    if (node.tagName === 'table' && isDataTable($, node)) {
      flush();
      items.push({ kind: 'table', el: node });
      return;
    }
    const block = BLOCK.has(node.tagName);
    if (block) flush();
    for (const child of node.children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return items;
}
