/** Quantities as kubectl and eks-node-viewer print them. */

export function formatCpu(millis: number): string {
  if (!Number.isFinite(millis)) return '—';
  const m = Math.round(millis);
  if (m !== 0 && m % 1000 === 0) return String(m / 1000);
  return `${m}m`;
}

export function formatMemory(mib: number): string {
  if (!Number.isFinite(mib)) return '—';
  if (Math.abs(mib) >= 1024) return `${(mib / 1024).toFixed(mib % 1024 === 0 ? 0 : 1)}Gi`;
  return `${Math.round(mib)}Mi`;
}

export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '—';
  return `${Math.round((part / whole) * 100)}%`;
}

export function formatPrice(amount: number, digits = 4): string {
  const fixed = amount.toFixed(digits);
  const [whole, frac] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${grouped}${frac ? `.${frac}` : ''}`;
}

/** kubectl's AGE column: 45s, 3m12s, 2h5m, 3d4h. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return m < 60 ? `${m}m` : `${Math.floor(m / 60)}h${m % 60 ? `${m % 60}m` : ''}`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d${h % 24}h` : `${d}d`;
}

/** Hours in a month as eks-node-viewer and the AWS calculator count them. */
export const HOURS_PER_MONTH = 730;
