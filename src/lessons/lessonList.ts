/**
 * The lessons shipped in lessons/, each a lazy chunk of its own: their text stays out of the first
 * page load, and the catalog fetches them beside the engine (which it needs to parse them anyway).
 * Registered by pattern, so a lesson file added to lessons/ ships with no list to edit. The service
 * worker precaches every chunk, so all lessons still open offline.
 */
const files = import.meta.glob<string>('../../lessons/*.yaml', { query: '?raw', import: 'default' });

export interface BundledLessonFile {
  /** `lessons/NN-name.yaml`; sorted by it, so by the lesson's number. */
  file: string;
  load: () => Promise<string>;
}

export const bundledLessons: BundledLessonFile[] = Object.entries(files)
  .map(([path, load]) => ({ file: `lessons/${path.split('/').pop()!}`, load }))
  .sort((a, b) => a.file.localeCompare(b.file));

/** Every shipped lesson's text, in order; one that cannot be fetched (a chunk gone after a deploy) is left out with its reason. */
export async function loadBundledLessons(list: readonly BundledLessonFile[] = bundledLessons): Promise<{ texts: { file: string; text: string }[]; failed: { file: string; reason: unknown }[] }> {
  const settled = await Promise.allSettled(list.map((f) => f.load()));
  const texts: { file: string; text: string }[] = [];
  const failed: { file: string; reason: unknown }[] = [];
  settled.forEach((r, i) => {
    const { file } = list[i];
    if (r.status === 'fulfilled') texts.push({ file, text: r.value });
    else failed.push({ file, reason: r.reason });
  });
  return { texts, failed };
}
