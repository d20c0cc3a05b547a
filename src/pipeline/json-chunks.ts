/**
 * JSON text of a large value written in pieces, the same text JSON.stringify gives (issue 12: a 500-page PDF within
 * 400 MB). `extract --raw` printed a document model as one string (29 M characters for 500 pages; CJK text makes it
 * two bytes a character), indented it with a second pass over the whole string and encoded it as a third copy:
 * three copies of the output at once at the end of the document, the peak of the whole run. Written in pieces, the
 * arrays and objects of the first levels are opened here and what is below them is stringified one element at a
 * time, so no string much larger than one page's text exists, and the pieces go into UTF-8 buffers as they come.
 */

/** Levels of arrays and objects opened here; below them JSON.stringify writes each value whole. */
const OPEN_LEVELS = 4;
/** Text gathered before it is encoded: small enough to stay a young string, large enough to make few buffers. */
const CHUNK_CHARS = 1 << 16;

/** Whether JSON.stringify writes `v` as an object of its own keys (not an array, null, a Date or anything with toJSON). */
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * `value` as UTF-8 buffers whose concatenation is `JSON.stringify(value, null, 2)` with every line after the first
 * indented by `indent` (`pretty`), or `JSON.stringify(value)` (not `pretty`).
 */
export function jsonChunks(value: unknown, pretty: boolean, indent = ''): Buffer[] {
  const out: Buffer[] = [];
  let pending = '';
  const put = (s: string) => {
    pending += s;
    if (pending.length >= CHUNK_CHARS) {
      out.push(Buffer.from(pending));
      pending = '';
    }
  };
  const step = pretty ? '  ' : '';
  const nl = pretty ? '\n' : '';
  const write = (v: unknown, pad: string, level: number): void => {
    if (level < OPEN_LEVELS && Array.isArray(v) && v.length > 0) {
      put(`[${nl}`);
      v.forEach((el, k) => {
        put(pad + step);
        if (omitted(el)) put('null');
        else write(el, pad + step, level + 1);
        put(k < v.length - 1 ? `,${nl}` : nl);
      });
      put(`${pad}]`);
      return;
    }
    if (level < OPEN_LEVELS && isPlainObject(v)) {
      const keys = Object.keys(v).filter((k) => !omitted(v[k]));
      if (keys.length > 0) {
        put(`{${nl}`);
        keys.forEach((key, k) => {
          put(`${pad}${step}${JSON.stringify(key)}:${pretty ? ' ' : ''}`);
          write(v[key], pad + step, level + 1);
          put(k < keys.length - 1 ? `,${nl}` : nl);
        });
        put(`${pad}}`);
        return;
      }
    }
    const text = pretty ? JSON.stringify(v, null, 2) : JSON.stringify(v);
    put(pretty && pad ? text.replace(/\n/g, `\n${pad}`) : text);
  };
  write(value, indent, 0);
  if (pending) out.push(Buffer.from(pending));
  return out;
}
