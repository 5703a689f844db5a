import { describe, expect, it } from 'vitest';
import { fillCache, keepsKoreanOffline, woff2Urls, type CacheLike } from './fontCache';

/** A cache that records what it was asked, and fails the URLs it is told to. */
function fakeCache(have: string[], failing: string[] = []) {
  const stored = new Set(have);
  let inFlight = 0;
  let maxInFlight = 0;
  const cache: CacheLike = {
    match: (url) => Promise.resolve(stored.has(url) ? {} : undefined),
    add: async (url) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      if (failing.includes(url)) throw new TypeError('Failed to fetch');
      stored.add(url);
    },
  };
  return { cache, stored, maxInFlight: () => maxInFlight };
}

describe('keeping the Korean font for offline use', () => {
  it("takes each face's woff2 file once, not its woff fallback", () => {
    const src = (n: number) => `url("https://x.test/assets/noto-sans-kr-${n}-400-normal.woff2") format("woff2"), url("https://x.test/assets/noto-sans-kr-${n}-400-normal.woff") format("woff")`;
    expect(woff2Urls([src(0), src(1), src(0)])).toEqual([
      'https://x.test/assets/noto-sans-kr-0-400-normal.woff2',
      'https://x.test/assets/noto-sans-kr-1-400-normal.woff2',
    ]);
    expect(woff2Urls(['local("Noto Sans KR")'])).toEqual([]);
  });

  it('adds only the files the cache lacks, four at a time, and skips a failed fetch', async () => {
    const urls = Array.from({ length: 30 }, (_, i) => `https://x.test/${i}.woff2`);
    const { cache, stored, maxInFlight } = fakeCache(urls.slice(0, 5), [urls[7]]);
    const added = await fillCache(cache, urls);
    expect(added).toBe(24);
    expect(stored.size).toBe(29);
    expect(stored.has(urls[7])).toBe(false);
    expect(maxInFlight()).toBe(4);
    // A second fill finds everything but the failed file, and tries only that one again.
    expect(await fillCache(cache, urls)).toBe(0);
  });
  it('is kept by a Korean page, and by an English one whose browser lists Korean', () => {
    expect(keepsKoreanOffline('ko', ['en-US'])).toBe(true);
    expect(keepsKoreanOffline('en', ['en-US', 'ko-KR'])).toBe(true);
    expect(keepsKoreanOffline('en', ['KO'])).toBe(true);
    expect(keepsKoreanOffline('en', ['en-GB', 'kok-IN'])).toBe(false);
    expect(keepsKoreanOffline('en', [])).toBe(false);
  });
});
