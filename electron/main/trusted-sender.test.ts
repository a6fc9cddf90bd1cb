import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trusted-sender';

const top = (url: string) => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('trusts the top frame of a page on app://attk, whatever its route', () => {
    expect(isTrustedSender(top('app://attk/index.html'))).toBe(true);
    expect(isTrustedSender(top('app://attk/index.html#/people?q=nguyen'))).toBe(true);
  });

  it('refuses a subframe, even one on our own origin', () => {
    expect(isTrustedSender({ url: 'app://attk/index.html', parent: top('app://attk/index.html') })).toBe(false);
  });

  it.each(['https://evil.example/', 'http://127.0.0.1:5173/', 'file:///C:/attk/index.html', 'app://evil/index.html', 'app://attk.evil/', 'about:blank', 'data:text/html,hi', ''])(
    'refuses a top frame showing %s',
    (url) => {
      expect(isTrustedSender(top(url))).toBe(false);
    },
  );

  it('refuses a missing (navigated away) or detached frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ url: 'app://attk/index.html', parent: null, detached: true })).toBe(false);
  });
});
