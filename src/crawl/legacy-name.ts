import iconv from 'iconv-lite';

/**
 * Names that arrive as Latin-1 strings (ZIP entries without the UTF-8 flag, from fflate; raw
 * Content-Disposition bytes, from fetch): UTF-8 if the bytes are valid UTF-8, else GBK, the
 * encoding of Chinese Windows archivers and servers.
 */
export function decodeLegacyName(latin1Name: string): string {
  // Names flagged UTF-8 in the archive are already decoded (code points above U+00FF).
  if ([...latin1Name].some((c) => c.charCodeAt(0) > 0xff)) return latin1Name;
  const raw = Buffer.from(latin1Name, 'latin1');
  if ([...raw].every((b) => b < 0x80)) return latin1Name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(raw, 'gb18030');
  }
}
