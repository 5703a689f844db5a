import { describe, expect, it } from 'vitest';
import { evaluatePromQl, latencyQuantile, promQlSyntaxError, type PromSeries } from './promql';

const series: PromSeries = {
  http_requests_total: [
    { labels: { service: 'api', namespace: 'default' }, value: 40, counter: true },
    { labels: { service: 'web', namespace: 'default' }, value: 10, counter: true },
  ],
  http_request_duration_seconds_bucket: [{ labels: { service: 'api' }, value: 40, counter: true, latency: { p50Seconds: 0.1, p95Seconds: 0.4 } }],
  queue_messages: [{ labels: { queue: 'orders' }, value: 120 }],
};

const value = (q: string) => {
  const r = evaluatePromQl(q, series);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

function errorOf(query: string, s: PromSeries): string {
  const r = evaluatePromQl(query, s);
  return r.ok ? '(no error)' : r.error;
}

describe('evaluatePromQl', () => {
  it('sums a rate over matching series', () => {
    expect(value('sum(rate(http_requests_total{service="api"}[1m]))')).toBe(40);
    expect(value('sum(rate(http_requests_total[2m]))')).toBe(50);
    expect(value('sum by (service) (rate(http_requests_total{service=~"a.*"}[1m]))')).toBe(40);
    expect(value('sum(rate(http_requests_total{service!="api"}[1m]))')).toBe(10);
  });
  it('turns increase into rate × window, and does arithmetic', () => {
    expect(value('sum(increase(http_requests_total{service="api"}[1m]))')).toBe(2400);
    expect(value('queue_messages{queue="orders"} / 4 + 1')).toBe(31);
    expect(value('(2 + 3) * 4')).toBe(20);
    expect(value('-queue_messages{queue="orders"}')).toBe(-120);
  });
  it('answers histogram_quantile from the latency distribution, exact at p50 and p95', () => {
    expect(value('histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{service="api"}[1m])) by (le))')).toBeCloseTo(0.4, 9);
    expect(value('histogram_quantile(0.5, sum(rate(http_request_duration_seconds_bucket[1m])) by (le))')).toBeCloseTo(0.1, 9);
    expect(latencyQuantile(0.99, 0.1, 0.4)).toBeGreaterThan(0.4);
  });
  it('reads an empty vector as no data and several elements as an error, as KEDA does', () => {
    expect(evaluatePromQl('queue_messages{queue="none"}', series)).toMatchObject({ ok: true, value: undefined });
    expect(errorOf('rate(http_requests_total[1m])', series)).toContain('returned multiple elements');
  });
  it('rejects what Prometheus rejects', () => {
    expect(errorOf('sum(http_requests_total)', series)).toContain('needs rate()');
    expect(errorOf('rate(queue_messages)', series)).toContain('range vector');
    expect(errorOf('nope', series)).toContain('unknown series nope');
    expect(errorOf('sum(queue_messages', series)).toContain('1:19: parse error: unexpected end of input');
    expect(errorOf('queue_messages{queue="a"', series)).toContain('prometheus query');
  });
});

describe('PromQL syntax, checked with the Prometheus grammar (@prometheus-io/lezer-promql)', () => {
  // Prometheus (promql/parser) refuses these at parse time with a 1:COL position.
  it('refuses an invalid query where Prometheus would, with its position', () => {
    expect(promQlSyntaxError('sum(rate(x[1m])')).toBe('1:16: parse error: unexpected end of input');
    expect(promQlSyntaxError('rate(x[1m]) +')).toBe('1:14: parse error: unexpected end of input');
    expect(promQlSyntaxError('1 +* 2')).toBe('1:4: parse error: unexpected "*"');
    expect(promQlSyntaxError('foo{a=}')).toBe('1:7: parse error: unexpected "}"');
    expect(promQlSyntaxError('')).toBe('1:1: parse error: no expression found in input');
  });

  it('accepts every valid query, even ones the evaluator does not simulate', () => {
    for (const q of ['sum(rate(http_requests_total{service="api"}[1m]))', 'avg_over_time(queue_messages[5m])', 'sum by (a) (x)', 'x offset 5m', 'histogram_quantile(0.95, sum(rate(x_bucket[5m])) by (le))']) {
      expect(promQlSyntaxError(q)).toBeUndefined();
    }
  });

  it('a valid function the evaluator lacks is named as not simulated', () => {
    expect(evaluatePromQl('delta(queue_messages[5m])', {})).toEqual({ ok: false, error: 'prometheus query delta(queue_messages[5m]): function delta() is valid PromQL but not simulated by the playground' });
  });

  it('the trigger sees the located error', () => {
    const r = evaluatePromQl('sum(rate(http_requests_total[1m])', {});
    expect(r).toEqual({ ok: false, error: 'prometheus query sum(rate(http_requests_total[1m]): 1:34: parse error: unexpected end of input' });
  });
});
