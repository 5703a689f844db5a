import { hashParam } from './share/hashParams';

/** `#…&embed=1`: only the grid and the charts, with play/pause (for slides and docs). */
export function isEmbed(hash: string): boolean {
  return hashParam(hash, 'embed') === '1';
}

/** `w=NAME`: the workload an embed shows (its charts; the grid filtered to its pods). */
export function embedWorkload(hash: string): string | undefined {
  const w = hashParam(hash, 'w');
  if (w === undefined) return undefined;
  try {
    const name = decodeURIComponent(w);
    return /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The `<iframe>` for a run's link: the same state, replayed inside, in embed mode (for one workload if given). */
export function embedSnippet(pageUrl: string, runHash: string, workload?: string): string {
  const base = pageUrl.split('#')[0];
  const body = runHash.startsWith('#') ? runHash.slice(1) : runHash;
  const params = body.split('&').filter((p) => p !== '' && !p.startsWith('embed=') && !p.startsWith('lesson=') && !p.startsWith('lessonfile=') && !p.startsWith('w=') && !p.startsWith('cmp=') && !p.startsWith('slo='));
  const src = `${base}#${[...params, 'embed=1', ...(workload ? [`w=${encodeURIComponent(workload)}`] : [])].join('&')}`;
  const escaped = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${escaped}" width="960" height="540" style="border:0" title="Autoscaling Playground" loading="lazy"></iframe>`;
}
