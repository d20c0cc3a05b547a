// Shared by the pages of `budgetdoc serve`. Everything the store holds is untrusted disclosure text: it goes into the
// page as text nodes (textContent), never as HTML, and a link is made only from an http(s) URL.

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** A link to a source URL, or plain text when it is not http(s) (a `javascript:` URL stays text). */
export function safeLink(url, text) {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:')
      return el('a', { href: u.href, rel: 'noopener noreferrer' }, text ?? url);
  } catch {
    // not a URL: shown as text
  }
  return el('span', {}, text ?? url);
}

export async function api(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
  if (!res.ok) throw new Error(body.error || `${res.status} ${res.statusText}`);
  return body;
}

const KIND_NAMES = { final: '决算', budget: '预算', perf_target: '绩效目标', perf_selfeval: '绩效自评', unknown: '?' };
export const kindName = (k) => (k ? `${KIND_NAMES[k] ?? ''} ${k}`.trim() : '-');
export const statusEl = (s) => el('span', { class: `status-${s}` }, s);
