import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loginMasker } from './mask';

describe('loginMasker', () => {
  it('masks as before when logins do not collide, and never shows a whole name', () => {
    const mask = loginMasker(['annv.vm', 'binhlt.vm', 'x.vm']);
    expect(mask('annv.vm')).toBe('an***.vm');
    expect(mask('binhlt.vm')).toBe('bi***.vm');
    expect(mask('x.vm')).toBe('***.vm');
  });

  it('keeps accounts distinguishable: alike masks reveal one more character at each end', () => {
    const mask = loginMasker(['kienlt.vm', 'kimnh.vm', 'kienlt2.vm']);
    const masks = ['kienlt.vm', 'kimnh.vm', 'kienlt2.vm'].map(mask);
    expect(new Set(masks).size).toBe(3);
    expect(mask('kimnh.vm')).toBe('kim***h.vm');
    for (const m of masks) expect(m).toContain('***');
  });

  it('numbers what cannot be told apart otherwise, and keeps already masked text', () => {
    const mask = loginMasker(['ab.vm', 'ac.vm', 'an***.vm']);
    expect([mask('ab.vm'), mask('ac.vm')]).toEqual(['a***.vm#1', 'a***.vm#2']);
    expect(mask('an***.vm')).toBe('an***.vm');
  });

  it('gives distinct logins distinct masks, each hiding at least one character (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,10}(\.[a-z]{2,3})?$/), { maxLength: 60 }), (logins) => {
        const mask = loginMasker(logins);
        const masks = logins.map(mask);
        expect(new Set(masks).size).toBe(logins.length);
        for (const [i, l] of logins.entries()) expect(masks[i]).not.toBe(l);
      }),
    );
  });
});
