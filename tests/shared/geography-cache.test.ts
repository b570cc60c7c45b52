import { describe, expect, it } from 'vitest';
import { cached } from '@server/features/reference/cache.js';

describe('the reference geography cache', () => {
  it('reads once, again after invalidation or when older than its limit, and never keeps a failed read', async () => {
    let now = 0;
    let reads = 0;
    let fail = false;
    const cache = cached(
      async () => {
        reads++;
        if (fail) throw new Error('database down');
        return `geography ${reads}`;
      },
      60_000,
      () => now,
    );

    expect(await Promise.all([cache.get(), cache.get()])).toEqual(['geography 1', 'geography 1']);
    now += 30_000;
    expect(await cache.get()).toBe('geography 1');
    cache.invalidate();
    expect(await cache.get()).toBe('geography 2');
    now += 60_001;
    fail = true;
    await expect(cache.get()).rejects.toThrow('database down');
    fail = false;
    expect(await cache.get()).toBe('geography 4');
    expect(reads).toBe(4);
  });
});
