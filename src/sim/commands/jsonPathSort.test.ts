import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByJsonPath } from './jsonPath';
import { jsonData, pods, templates } from './jsonPathFixtures';

// Expected orders follow upstream's table in k8s.io/kubectl pkg/cmd/get/sorter_test.go; the data is our own.

const order = (items: unknown[], expr: string): number[] | string => {
  const r = sortByJsonPath(items, expr);
  return r.ok ? r.order : r.error;
};

describe('sortByJsonPath: sorter.go, cases from sorter_test.go', () => {
  const named = (...names: string[]) => names.map((name) => ({ metadata: { name } }));

  it('sorts by name in any relaxed form ("reverse-order", "in-order-already")', () => {
    expect(order(named('c', 'b', 'a'), '{.metadata.name}')).toEqual([2, 1, 0]);
    expect(order(named('c', 'b', 'a'), '.metadata.name')).toEqual([2, 1, 0]);
    expect(order(named('c', 'b', 'a'), 'metadata.name')).toEqual([2, 1, 0]);
    expect(order(named('a', 'b', 'c'), '{.metadata.name}')).toEqual([0, 1, 2]);
    expect(order(pods.items, '.metadata.name')).toEqual([2, 0, 1]);
  });

  it('sorts timestamps as strings, which RFC 3339 keeps chronological ("random-order-timestamp")', () => {
    const at = (t: string) => ({ metadata: { creationTimestamp: t } });
    const items = [at('2024-05-01T10:00:00Z'), at('2023-12-31T23:59:59Z'), at('2024-05-01T09:30:00Z')];
    expect(order(items, '.metadata.creationTimestamp')).toEqual([1, 2, 0]);
  });

  it('sorts numbers numerically ("random-order-numbers")', () => {
    expect(order(pods.items, '.status.containerStatuses[0].restartCount')).toEqual([1, 0, 2]);
    const rc = (n: number) => ({ spec: { replicas: n } });
    expect(order([rc(5), rc(1), rc(10), rc(4)], '{.spec.replicas}')).toEqual([1, 3, 0, 2]);
  });

  it('compares strings that are both quantities by amount (pod-resources-cpu/memory-random-order-with-missing-fields)', () => {
    const cpu = (q?: string) => ({
      spec: { containers: [{ resources: { requests: q === undefined ? {} : { cpu: q } } }] },
    });
    expect(
      order([cpu('0.5'), cpu('10'), cpu('100m'), cpu()], '{.spec.containers[].resources.requests.cpu}'),
    ).toEqual([3, 2, 0, 1]);
    const mem = (q?: string) => ({
      spec: { containers: [{ resources: { requests: q === undefined ? {} : { memory: q } } }] },
    });
    const items = ['128Mi', '10Ei', '8Ti', '64Gi', '55Pi', '2Ki', undefined].map(mem);
    expect(order(items, '.spec.containers[].resources.requests.memory')).toEqual([6, 5, 0, 3, 2, 4, 1]);
    // Mixed suffixes and exponents (quantity.go ParseQuantity); a non-quantity falls back to string order.
    const qs = ['1Gi', '1G', '1e3', '999', '1.5k', 'abc'].map((q) => ({ q }));
    expect(order(qs, '.q')).toEqual([3, 2, 4, 1, 0, 5]);
  });

  it('puts items missing the field first, then nulls ("some-missing-fields", "empty fields")', () => {
    const rc = (status: Record<string, unknown>) => ({ kind: 'ReplicationController', status });
    expect(
      order(
        [rc({ availableReplicas: 2 }), rc({}), rc({ availableReplicas: 1 })],
        '{.status.availableReplicas}',
      ),
    ).toEqual([1, 2, 0]);
    expect(
      order(
        [rc({ availableReplicas: 2 }), rc({ availableReplicas: null }), rc({})],
        '.status.availableReplicas',
      ),
    ).toEqual([2, 1, 0]);
  });

  it('errors when no item has the field ("all-missing-fields", "model-invalid-fields")', () => {
    expect(
      order([{ status: { replicas: 0 } }, { status: { replicas: 0 } }], '{.status.availableReplicas}'),
    ).toBe('couldn\'t find any field with path "{.status.availableReplicas}" in the list of objects');
    expect(order([], '{.invalid}')).toEqual([]);
  });

  it('keeps equal keys in input order', () => {
    const items = [
      { metadata: { name: 'b', labels: { tier: 'back' } } },
      { metadata: { name: 'a', labels: { tier: 'front' } } },
      { metadata: { name: 'c', labels: { tier: 'back' } } },
      { metadata: { name: 'd' } },
      { metadata: { name: 'e', labels: { tier: 'front' } } },
    ];
    expect(order(items, '.metadata.labels.tier')).toEqual([3, 0, 2, 1, 4]);
  });

  it('reports what kubectl reports for unsortable fields and bad expressions', () => {
    expect(order(pods.items, '.metadata.labels')).toBe(
      'Field {.metadata.labels} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}',
    );
    expect(order([{ v: 1 }, { v: 'x' }], '.v')).toBe(
      'Field {.v} in [][][]reflect.Value is an unsortable type: interface, err: unsortable interface: interface',
    );
    expect(order(pods.items, '{.metadata.name')).toBe('sorting error: unclosed action');
    expect(order([{ s: { c: [] } }], '.s.c[0]')).toBe(
      'Failed to get values for [][]reflect.Value(nil) using {.s.c[0]} (&errors.errorString{s:"array index out of bounds: index 0, length 0"})',
    );
  });
});

describe('never throws', () => {
  it('for arbitrary sort expressions over arbitrary items', () => {
    fc.assert(
      fc.property(templates, fc.array(jsonData, { maxLength: 8 }), (expr, items) => {
        const r = sortByJsonPath(items, expr);
        if (r.ok) expect([...r.order].sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
      }),
      { numRuns: 1000 },
    );
  });
});
