/**
 * A package part as text in the encoding its byte-order mark names (XML 1.0 §4.3.3): UTF-16 parts exist, and a
 * UTF-8 reading of one would hide a DOCTYPE from the entity checks of the XLSX and DOCX readers.
 */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
