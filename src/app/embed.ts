import { hashParam } from './share/hashParams';

/** `#…&embed=1`: only the grid and the charts, with play/pause (for slides and docs). */
export function isEmbed(hash: string): boolean {
  return hashParam(hash, 'embed') === '1';
}

/** The `<iframe>` for a run's link: the same state, replayed inside, in embed mode. */
export function embedSnippet(pageUrl: string, runHash: string): string {
  const base = pageUrl.split('#')[0];
  const body = runHash.startsWith('#') ? runHash.slice(1) : runHash;
  const params = body.split('&').filter((p) => p !== '' && !p.startsWith('embed=') && !p.startsWith('lesson='));
  const src = `${base}#${[...params, 'embed=1'].join('&')}`;
  const escaped = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${escaped}" width="960" height="540" style="border:0" title="Autoscaling Playground" loading="lazy"></iframe>`;
}
