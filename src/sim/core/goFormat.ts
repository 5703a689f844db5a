/**
 * Go's fmt verbs for float64, for output that must read as the real controllers print it
 * (klog lines, kubectl's JSONPath). Both go through strconv.FormatFloat's 'g' format.
 */

function exponentText(exp: number): string {
  const abs = Math.abs(exp);
  return `e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

/** fmt's %v for a float64: strconv 'g' with shortest digits, exponent form below 1e-4 or from 1e6. */
export function goFormatFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp >= -4 && exp < 6) return String(n);
  return `${mantissa}${exponentText(exp)}`;
}

/**
 * fmt's %.{precision}g for a float64 (strconv 'g' with a precision): rounded to that many
 * significant digits, trailing zeros dropped, exponent form when the exponent is below -4 or at
 * least the precision. `goFormatG(46.25, 6)` is "46.25", `goFormatG(100/3, 6)` "33.3333".
 */
export function goFormatG(n: number, precision: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const p = Math.max(1, Math.min(100, Math.trunc(precision)));
  const [mantissa, expText] = n.toExponential(p - 1).split('e');
  const exp = Number(expText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
  // strconv: "%e is used if the exponent from the conversion is less than -4 or greater than or
  // equal to the precision", where a precision above the digit count shrinks to it for integers.
  const eprec = p > digits.length && digits.length >= exp + 1 ? digits.length : p;
  if (exp < -4 || exp >= eprec) {
    const frac = digits.slice(1);
    return `${sign}${digits[0]}${frac ? `.${frac}` : ''}${exponentText(exp)}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}
