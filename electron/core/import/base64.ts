/**
 * Decode a file sent over the bridge as base64, or null when the text is not base64 (a broken
 * transfer). Files are up to 20 MB (27 MB of base64): the old check — a regular expression over the
 * whole text before decoding — held the main thread ~400 ms on such a file (issue 16). Node's
 * decoder skips characters outside the alphabet, so a text with any of them decodes to fewer bytes
 * than its length promises: comparing the two is the check, at the cost of the decoding alone.
 * (The URL-safe alphabet, which Node also reads, is accepted.) Line-wrapped base64 takes a slower
 * second pass without its whitespace.
 */
export function decodeBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  if (text.length % 4 !== 1 && bytes.length === decodedLength(text)) return bytes;
  const clean = text.replace(/\s+/g, '');
  if (clean === text || clean.length % 4 === 1) return null;
  const again = Buffer.from(clean, 'base64');
  return again.length === decodedLength(clean) ? again : null;
}

function decodedLength(text: string): number {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - pad;
}
