/** Sim time as h:mm:ss (or m:ss under an hour). */
export function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** A wall-clock instant as weekday and time in `zone`, in the page's language ("Mon 09:00", "(월) 09:00"). */
export function zoneClock(epochMs: number, zone: string, language: string): string {
  const key = `${language}|${zone}`;
  let format = zoneFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    zoneFormats.set(key, format);
  }
  return format.format(new Date(epochMs));
}
