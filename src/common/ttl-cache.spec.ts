import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('answers until an entry expires, then forgets it', () => {
    let now = 1_000;
    const cache = new TtlCache<string>(100, 10, () => now);
    cache.set('a', 'one');
    expect(cache.get('a')).toBe('one');
    now += 99;
    expect(cache.get('a')).toBe('one');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('takes a shorter lifetime per entry, deletes on request, and starts again when full', () => {
    let now = 0;
    const cache = new TtlCache<number>(1_000, 2, () => now);
    cache.set('short', 1, 10);
    cache.set('long', 2);
    now = 10;
    expect(cache.get('short')).toBeUndefined();
    cache.delete('long');
    expect(cache.get('long')).toBeUndefined();
    cache.set('x', 1);
    cache.set('y', 2);
    cache.set('z', 3);
    expect([cache.get('x'), cache.get('y'), cache.get('z')]).toEqual([undefined, undefined, 3]);
  });
});
