/**
 * Offline Korean. The service worker does not precache the Korean font's ~250 unicode-range slices
 * (about 4 MB for the two weights): an English visitor should not download them. Cached only as
 * used, a workshop that goes offline shows boxes for every syllable whose slice no page had drawn
 * yet (a later lesson's words, a describe of something new). So once Korean is on screen, every
 * slice is written to the cache that the worker's font route reads (vite.config.ts, CacheFirst,
 * cache "fonts"), in the background and a few at a time.
 */

/**
 * Whether a page keeps every Korean slice for offline use: a Korean page, or an English one in a
 * browser that lists Korean among its languages. A Korean reader who chose English (or a class
 * whose instructor's machine is set to English) can then switch to Korean after the network is
 * gone; an English reader whose browser has no Korean downloads nothing.
 */
export function keepsKoreanOffline(pageLanguage: string, browserLanguages: readonly string[]): boolean {
  return pageLanguage === 'ko' || browserLanguages.some((tag) => tag.toLowerCase().split('-')[0] === 'ko');
}

/** The runtime cache of vite.config.ts's font route: the worker answers font requests from it. */
export const FONT_CACHE = 'fonts';
const PARALLEL = 4;

/** The woff2 files a face's `src` names (absolute URLs), each once. woff copies are only a fallback. */
export function woff2Urls(sources: readonly string[]): string[] {
  const out = new Set<string>();
  for (const src of sources) for (const m of src.matchAll(/url\((['"]?)([^'")]+\.woff2)\1\)/g)) out.add(m[2]);
  return [...out];
}

export interface CacheLike {
  match(url: string): Promise<unknown>;
  add(url: string): Promise<void>;
}

/**
 * Adds each URL the cache lacks, PARALLEL at a time. A failed fetch (offline, a new build that
 * renamed the files) is skipped: the font then loads as before, from the network or not at all.
 * Returns how many files were added.
 */
export async function fillCache(cache: CacheLike, urls: readonly string[]): Promise<number> {
  let next = 0;
  let added = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next++];
      try {
        if (await cache.match(url)) continue;
        await cache.add(url);
        added++;
      } catch {
        /* skipped: see above */
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, urls.length) }, worker));
  return added;
}

let filling: Promise<number> | null = null;

/**
 * fillCache for the page's Korean faces, once per page; only where a service worker can serve the
 * cache (a production build). Resolves to how many files were added.
 */
export function keepKoreanFontOffline(sources: readonly string[]): Promise<number> {
  if (!import.meta.env.PROD || typeof caches === 'undefined' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    return Promise.resolve(0);
  }
  filling ??= caches.open(FONT_CACHE).then((cache) =>
    fillCache({ match: (url) => cache.match(url, { ignoreVary: true }), add: (url) => addWithoutVary(cache, url) }, woff2Urls(sources)),
  );
  return filling;
}

/**
 * The file as the worker's font route would have stored it, minus `Vary: Origin` (which `vite
 * preview` and many hosts send): the browser's own font requests carry an Origin header that
 * ours does not, so with Vary the stored copy would never match them.
 */
async function addWithoutVary(cache: Cache, url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new TypeError(`${url}: HTTP ${response.status}`);
  const headers = new Headers(response.headers);
  headers.delete('vary');
  await cache.put(url, new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers }));
}
