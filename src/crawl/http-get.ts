import type { LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { PermanentError } from '../model/errors.js';

/**
 * One GET on node:http(s), connected to addresses checked beforehand (address-guard.ts): the socket's `lookup`
 * answers with exactly those, so nothing is resolved a second time between the check and the connection. fetch()
 * offers no such hook without undici's Agent, which the project does not depend on.
 */
export interface RawResponse {
  status: number;
  statusText: string;
  headers: IncomingMessage['headers'];
  body: IncomingMessage;
}

function pinned(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const cb = callback as (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void;
    if ((options as { all?: boolean }).all) cb(null, addresses);
    else cb(null, addresses[0]!.address, addresses[0]!.family);
  };
}

export function httpGet(
  url: URL,
  addresses: LookupAddress[],
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<RawResponse> {
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // agent: false, one connection per request: a pooled socket could have been opened to an address checked for
    // another request, and the crawl's rate limit makes reuse worth nothing.
    const req = mod.request(url, { method: 'GET', headers, signal, agent: false, lookup: pinned(addresses) }, (res) =>
      resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, body: res }),
    );
    req.once('error', reject);
    req.end();
  });
}

export const header = (res: RawResponse, name: string): string | undefined => {
  const v = res.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/** A decompressor for the Content-Encoding (gzip, deflate, br), or none for a body sent as it is. */
function decoder(res: RawResponse): Transform | undefined {
  const enc = (header(res, 'content-encoding') ?? '').trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return zlib.createGunzip();
  if (enc === 'deflate') return zlib.createInflate();
  if (enc === 'br') return zlib.createBrotliDecompress();
  return undefined;
}

/**
 * Reads the body, decompressed, and stops at `maxBytes` both on the wire and after decompression, so neither an
 * endless response nor a small gzip bomb (a few kilobytes that inflate to gigabytes) is ever held in memory.
 */
export async function readBody(
  res: RawResponse,
  maxBytes: number,
  href: string,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const inflate = decoder(res);
  let wire = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _enc, done) {
      wire += chunk.length;
      done(
        wire > maxBytes ? new PermanentError('http.too_large', `${href} is larger than ${maxBytes} bytes`) : null,
        chunk,
      );
    },
  });
  // pipeline destroys every stage when one fails, so a refused body closes the connection too.
  const body: Readable = inflate
    ? pipeline(res.body, counted, inflate, () => {})
    : pipeline(res.body, counted, () => {});
  const onAbort = () => body.destroy(signal.reason as Error);
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes)
        throw new PermanentError(
          'http.inflated_too_large',
          `${href} inflates past ${maxBytes} bytes (Content-Encoding ${header(res, 'content-encoding')}); refused`,
        );
      chunks.push(chunk);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    body.destroy();
    res.body.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks));
}
