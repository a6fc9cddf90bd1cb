import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './base64';

describe('decoding an uploaded file', () => {
  it('reads base64 of every length, with or without padding, and line-wrapped base64', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff));
      const text = bytes.toString('base64');
      expect(decodeBase64(text)).toEqual(bytes);
      expect(decodeBase64(text.replace(/=+$/, ''))).toEqual(bytes);
      expect(decodeBase64(text.replace(/(.{8})/g, '$1\r\n'))).toEqual(bytes);
    }
  });

  it('refuses text that is not base64: any foreign character, "=" in the middle, an impossible length', () => {
    const good = Buffer.from('Nguyễn Văn An — danh sách cán bộ').toString('base64');
    for (const bad of ['%%%not base64%%%', `${good.slice(0, 8)}!${good.slice(9)}`, `${good.slice(0, 8)}=${good.slice(9)}`, `${good}A`, 'A', 'ab=c', '====']) {
      expect(decodeBase64(bad), bad).toBeNull();
    }
  });
});
