/**
 * The lessons shipped in lessons/, bundled as text (sorted by file name, which starts with the
 * lesson's number). Parsing is left to engineApi.loadLesson, so this module stays light.
 */
const files = import.meta.glob<string>('../../lessons/*.yaml', { query: '?raw', import: 'default', eager: true });

export const bundledLessons: { file: string; text: string }[] = Object.entries(files)
  .map(([path, text]) => ({ file: `lessons/${path.split('/').pop()!}`, text }))
  .sort((a, b) => a.file.localeCompare(b.file));
