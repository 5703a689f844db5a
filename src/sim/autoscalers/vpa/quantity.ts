/**
 * Kubernetes' canonical DecimalSI quantity strings, as the API server prints VPA recommendations:
 * CPU as milli-quantities ("460m", "2"), memory as byte quantities ("262144k", "1288490188").
 */
const SUFFIXES = ['m', '', 'k', 'M', 'G', 'T', 'P', 'E'];

/** `milliUnits` is the value × 1000 as an integer; the largest suffix with a whole mantissa wins. */
function formatFromMilli(milliUnits: number): string {
  if (milliUnits === 0) return '0';
  const sign = milliUnits < 0 ? '-' : '';
  let mantissa = Math.abs(Math.round(milliUnits));
  let i = 0;
  while (i < SUFFIXES.length - 1 && mantissa % 1000 === 0) {
    mantissa /= 1000;
    i++;
  }
  return `${sign}${mantissa}${SUFFIXES[i]}`;
}

export function formatCpuMillis(millicores: number): string {
  return formatFromMilli(Math.trunc(millicores));
}

export function formatMemoryBytes(bytes: number): string {
  return formatFromMilli(Math.trunc(bytes) * 1000);
}

/** Human reading for explanations and KRR: "511m", "262Mi". */
export function humanMemory(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1024) return `${(mib / 1024).toFixed(mib >= 10240 ? 0 : 1)}Gi`;
  return `${Math.round(mib)}Mi`;
}
