import { describe, expect, it } from 'vitest';
import { goFormatFloat, goFormatG } from './goFormat';

// Expected strings are what Go's fmt prints (strconv/ftoa.go, %v and %.6g), e.g.
// fmt.Sprintf("%.6g", 100.0/3) == "33.3333" and fmt.Sprintf("%.6g", 1e6) == "1e+06".
describe('goFormatG', () => {
  it.each([
    [46.25, '46.25'],
    [100 / 3, '33.3333'],
    [100, '100'],
    [85, '85'],
    [0.4625 * 100, '46.25'],
    [99.99996, '100'],
    [123456, '123456'],
    [1234567, '1.23457e+06'],
    [1e6, '1e+06'],
    [0.0001, '0.0001'],
    [0.00001234, '1.234e-05'],
    [-2.5, '-2.5'],
    [0, '0'],
    [12.5e-3, '0.0125'],
  ])('%.6g of %d is %s', (n, text) => {
    expect(goFormatG(n, 6)).toBe(text);
  });

  it('keeps to the precision asked for', () => {
    expect(goFormatG(Math.PI, 3)).toBe('3.14');
    expect(goFormatG(1234, 3)).toBe('1.23e+03');
  });
});

describe('goFormatFloat', () => {
  it.each([
    [0.5, '0.5'],
    [1e21, '1e+21'],
    [123456.5, '123456.5'],
    [1234567, '1.234567e+06'],
    [0.00001, '1e-05'],
  ])('%v of %d is %s', (n, text) => {
    expect(goFormatFloat(n)).toBe(text);
  });
});
