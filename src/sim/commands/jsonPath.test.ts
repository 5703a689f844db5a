import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeJsonPath, findJsonPathValues, printJsonPathValue } from './jsonPath';
import { jsonData, nodes, pods, templates } from './jsonPathFixtures';

// Expected outputs follow upstream's own tables: k8s.io/client-go util/jsonpath/jsonpath_test.go and
// parser_test.go. The data objects are our own (jsonPathFixtures.ts); --sort-by is in jsonPathSort.test.ts.

const text = (template: string, data: unknown): string => {
  const r = executeJsonPath(template, data);
  if (!r.ok) throw new Error(r.error);
  return r.text;
};
const error = (template: string, data: unknown): string => {
  const r = executeJsonPath(template, data);
  return r.ok ? `no error, got ${JSON.stringify(r.text)}` : r.error;
};

describe('executeJsonPath: templates from jsonpath_test.go', () => {
  it('joins the values one action matches with single spaces (TestKubernetes "item name")', () => {
    expect(text('{.items[*].metadata.name}', pods)).toBe('web-1 web-2 api-1');
    expect(text('names: {.items[*].metadata.name}!', pods)).toBe('names: web-1 web-2 api-1!');
  });

  it('ranges with quoted tab and newline literals (TestKubernetes "range item with quote", TestNestedRanges)', () => {
    expect(text('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', pods)).toBe(
      'web-1\tRunning\nweb-2\tPending\napi-1\tRunning\n',
    );
    expect(text('{range .items[*]}{.metadata.name}, {end}{.kind}', pods)).toBe('web-1, web-2, api-1, List');
    expect(
      text(
        '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
        pods,
      ),
    ).toBe('web-1:app,+web-2:app,+api-1:app,+');
  });

  it('an empty range prints nothing, nested or not (TestEmptyRange)', () => {
    const empty = { items: [] };
    expect(text('{range .items[*]}{.metadata.name}{end}', empty)).toBe('');
    expect(
      text(
        '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
        empty,
      ),
    ).toBe('');
  });

  it('filters on a field value (TestKubernetes "user password")', () => {
    expect(text('{.items[*].status.conditions[?(@.type=="Ready")].status}', pods)).toBe('True False True');
    expect(text("{.items[?(@.status.phase!='Running')].metadata.name}", pods)).toBe('web-2');
    expect(text('{.items[*].status.containerStatuses[?(@.restartCount>=3)].restartCount}', pods)).toBe(
      '3 12',
    );
    expect(text('{.items[*].status.containerStatuses[?(@.restartCount<3)].restartCount}', pods)).toBe('0');
    // TestRunningPodsJSONPathOutput: the filter's left side may omit the @.
    expect(
      text('{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', pods),
    ).toBe('web-1 is Running\napi-1 is Running\n');
  });

  it('filters by existence, and a null field still exists (TestJSONInput "exists filter", "nil value")', () => {
    const points = [
      { id: 'i1', x: 4 },
      { id: 'i2', x: -2, z: 1 },
      { id: 'i5', x: 0, z: 1 },
      { id: 'i7', x: null },
    ];
    expect(text('{[?(@.z)].id}', points)).toBe('i2 i5');
    expect(text("{[0]['id']}", points)).toBe('i1');
    expect(text("{[-1]['x']}", points)).toBe('null');
    expect(text('{[?(@.x)].id}', points)).toBe('i1 i2 i5 i7');
  });

  it('compares with Go template rules: bools, int vs float, null (TestKubernetes "bool item")', () => {
    const ns = {
      items: [
        { metadata: { name: 'a' }, status: { ready: true } },
        { metadata: { name: 'b' }, status: { ready: false } },
      ],
    };
    expect(text('{.items[?(@..ready==true)].metadata.name}', ns)).toBe('a');
    expect(text('{[?(@<5)]}', [2, 6, 3, 7])).toBe('2 3');
    expect(error('{[?(@<1.5)]}', [2, 6])).toBe('incompatible types for comparison');
    expect(error('{[?(@.v=="x")]}', [{ v: null }])).toBe('invalid type for comparison');
    expect(error('{[?(@.v<true)]}', [{ v: false }])).toBe('invalid type for comparison');
    expect(error('{[?(@.a[*]==1)]}', [{ a: [1, 2] }])).toBe('can only compare one element at a time');
  });

  it('reads label keys with dots: escaped, or escaped inside single-quoted brackets (TestKubernetes "hostname")', () => {
    expect(text('{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodes)).toBe('ip-10-0-1-17');
    expect(text("{.items[*].metadata.labels['topology\\.kubernetes\\.io/zone']}", nodes)).toBe(
      'us-east-1a us-east-1b',
    );
    expect(
      text(
        '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="ip-10-0-2-9")].status.capacity.cpu}',
        nodes,
      ),
    ).toBe('8');
    // parser.go re-parses a bracket key as `.key`, so an unescaped dot still splits it and matches nothing.
    expect(text("{.items[0].metadata.labels['kubernetes.io/hostname']}", nodes)).toBe('');
    // Only single quotes make a key (dictKeyRex); double quotes are an invalid index.
    expect(error('{.items[0].metadata.labels["app"]}', pods)).toBe('invalid array index "app"');
  });

  it('descends recursively (TestKubernetes "recursive name", TestStructInput "recurfields")', () => {
    // Go visits map keys in random order (upstream sorts the words before comparing); we use key order.
    expect(text('{..name}', nodes)).toBe('ip-10-0-1-17 ip-10-0-2-9');
    expect(text('{..restartCount}', pods)).toBe('3 0 12');
    expect(text('{...restartCount}', pods)).toBe('3 0 12');
    expect(text('{..}', [1, 2, 3])).toBe('[1,2,3]');
    expect(error('{........}', pods)).toBe('invalid multiple recursive descent');
  });

  it('slices with start, end and step (TestTypesInput, TestStep)', () => {
    const data = { n: [10, 20, 30, 40, 50, 60] };
    expect(text('{.n[0:2]}', data)).toBe('10 20');
    expect(text('{.n[:2]}', data)).toBe('10 20');
    expect(text('{.n[:4:2]}', data)).toBe('10 30');
    expect(text('{.n[1::2]}', data)).toBe('20 40 60');
    expect(text('{.n[1:4:3]}', data)).toBe('20');
    expect(text('{.n[0:6:5]}', data)).toBe('10 60');
    expect(text('{.n[*]}', data)).toBe('10 20 30 40 50 60');
    expect(text('{.n[5:5]}', data)).toBe('');
    expect(error('{.n[0:6:0]}', data)).toBe('step must be > 0');
    expect(error('{.n[0:7]}', data)).toBe('array index out of bounds: index 6, length 6');
    // `[]` is `[0]` (parser.go: a missing end is start+1), as sorter_test.go's `containers[]` relies on.
    expect(text('{.items[].metadata.name}', pods)).toBe('web-1');
  });

  it('counts negative indexes from the end (TestNegativeIndex)', () => {
    const data = { c: ['fake0', 'fake1', 'fake2', 'fake3'] };
    expect(text('{.c[-1]}', data)).toBe('fake3');
    expect(text('{.c[-2:]}', data)).toBe('fake2 fake3');
    expect(text('{.c[0:-1]}', data)).toBe('fake0 fake1 fake2');
    expect(text('{.c[-4]}', data)).toBe('fake0');
    expect(text('{.c[-5:-5]}', data)).toBe('');
    expect(error('{.c[-5]}', data)).toBe('array index out of bounds: index -1, length 4');
    expect(error('{.c[-1:0]}', data)).toBe('starting index 3 is greater than ending index 0');
    expect(error('{.c[3:1]}', data)).toBe('starting index 3 is greater than ending index 1');
  });

  it('unions indexes and bracket paths (TestStructInput "union", TestKubernetes "union nodes capacity")', () => {
    expect(text('{[1,3,4]}', [0, 1, 2, 3, 4])).toBe('1 3 4');
    expect(text("{.items[*]['metadata.name', 'status.capacity.cpu']}", nodes)).toBe(
      'ip-10-0-1-17 ip-10-0-2-9 4 8',
    );
    expect(text('{.items[0,2].metadata.name}', pods)).toBe('web-1 api-1');
  });

  it('prints maps and lists as JSON with sorted keys (jsonpath.go PrintResults uses json.Marshal)', () => {
    expect(text('{.items[0].metadata.labels}', pods)).toBe('{"app":"web"}');
    expect(text('{.items[0].status.capacity}', nodes)).toBe('{"cpu":"4","pods":"110"}');
    expect(text('{range .items[*]}[{.metadata.name}, {.status.capacity.cpu}] {end}', nodes)).toBe(
      '[ip-10-0-1-17, 4] [ip-10-0-2-9, 8] ',
    );
    expect(
      text('{.floats} {.interfaces}', { floats: [1, 2.2, 3.3, 4], interfaces: [true, 'one', 1, 1.1] }),
    ).toBe('[1,2.2,3.3,4] [true,"one",1,1.1]');
    // encoding/json escapes HTML characters by default.
    expect(text('{.m}', { m: { b: '<a&b>', a: [null, {}] } })).toBe(
      '{"a":[null,{}],"b":"\\u003ca\\u0026b\\u003e"}',
    );
  });

  it('prints numbers as Go does: int64 digits, float64 with %v', () => {
    const data = { i: 3, big: 1000000, half: 0.5, f: 2.2, e: 1e21, g: 1234567.5, tiny: 0.00001, t: true };
    expect(text('{.i} {.big} {.half} {.f} {.e} {.g} {.tiny} {.t}', data)).toBe(
      '3 1000000 0.5 2.2 1e+21 1.2345675e+06 1e-05 true',
    );
    // Template literals keep their Go types: 2.0 is a float64, 7 an int.
    expect(text('{2.0} {7} {-1.25}', {})).toBe('2 7 -1.25');
  });

  it('prints nothing for missing keys (TestStructInput missingKeyTests, kubectl allows missing keys)', () => {
    expect(text('{.hello}', pods)).toBe('');
    expect(text('before-{.hello}after', pods)).toBe('before-after');
    expect(text('{.items[*].status.podIP}', pods)).toBe('');
    expect(text('{.metadata.name.first}', pods)).toBe('');
    expect(text('plain text', pods)).toBe('plain text');
    expect(text('{"{"}', pods)).toBe('{');
  });

  it('returns the parser messages (parser_test.go TestFailParser)', () => {
    expect(error('{.hello', pods)).toBe('unclosed action');
    expect(error('{*}', pods)).toBe("unrecognized character in action: U+002A '*'");
    expect(error('{+12.3.0}', pods)).toBe('cannot parse number +12.3.0');
    expect(error('{[1}', pods)).toBe('unterminated array');
    expect(error('{[?(.price]}', pods)).toBe('unterminated filter');
    expect(error('{"\\q"}', pods)).toBe('unquote string "\\q" error invalid syntax');
    expect(error('{.a\t}', pods)).toBe('unrecognized character in action: U+0009');
  });

  it('returns the execution messages (TestStructInput failStoreTests, TestNegativeIndex)', () => {
    expect(error('{hello}', pods)).toBe('unrecognized identifier hello');
    expect(error('{.metadata[0]}', pods)).toBe('map[string]interface {} is not array or slice');
    expect(error('{.items[?(@.status.phase<>10)]}', pods)).toBe('unrecognized filter operator <>');
    expect(error('{range .metadata.*}{@}{end}{end}', pods)).toBe('not in range, nothing to end');
    expect(error('{.items[0]}', { kind: 'List', items: [] })).toBe(
      'array index out of bounds: index 0, length 0',
    );
    expect(error('{.metadata[?(@.x)]}', { metadata: { a: 1 } })).toBe(
      'map[a:1] is not array or slice and cannot be filtered',
    );
  });

  it('bounds the template length and the recursion depth', () => {
    expect(error(`{.a}${'x'.repeat(4096)}`, {})).toBe('jsonpath template is longer than 4096 characters');
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(error('{..a}', deep)).toBe('jsonpath recursion is deeper than 64 levels');
    expect(error('{range @}'.repeat(70), {})).toBe('jsonpath recursion is deeper than 64 levels');
  });
});

describe('findJsonPathValues', () => {
  it('takes the relaxed forms kubectl accepts (customcolumn.go RelaxedJSONPathExpression)', () => {
    for (const expr of ['metadata.name', '.metadata.name', '{metadata.name}', '{.metadata.name}']) {
      expect(findJsonPathValues(expr, pods.items[2])).toEqual({ ok: true, values: ['api-1'] });
    }
    expect(findJsonPathValues('.status.conditions[?(@.type=="Ready")].status', pods.items[1])).toEqual({
      ok: true,
      values: ['False'],
    });
    expect(findJsonPathValues('.spec.containers[*]', pods.items[0])).toEqual({
      ok: true,
      values: [{ name: 'app', image: 'web-1:1' }],
    });
    expect(findJsonPathValues('.status.podIP', pods.items[0])).toEqual({ ok: true, values: [] });
  });

  it('rejects what RelaxedJSONPathExpression rejects, and reports parse and execution errors', () => {
    expect(findJsonPathValues('{.a}{.b}', {})).toEqual({
      ok: false,
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    });
    expect(findJsonPathValues('.a[', {})).toEqual({ ok: false, error: 'unterminated array' });
    expect(findJsonPathValues('.a[2]', { a: [1] })).toEqual({
      ok: false,
      error: 'array index out of bounds: index 2, length 1',
    });
  });
});

describe('printJsonPathValue (a custom-columns cell: fmt.Sprint in customcolumn.go printOneObject)', () => {
  it('prints scalars as Go and maps and lists in Go %v form', () => {
    expect(printJsonPathValue('web-1')).toBe('web-1');
    expect(printJsonPathValue(3)).toBe('3');
    expect(printJsonPathValue(0.5)).toBe('0.5');
    expect(printJsonPathValue(1e21)).toBe('1e+21');
    expect(printJsonPathValue(false)).toBe('false');
    expect(printJsonPathValue(null)).toBe('<nil>');
    expect(printJsonPathValue({ tier: 'front', app: 'web' })).toBe('map[app:web tier:front]');
    expect(printJsonPathValue([{ name: 'app', ports: [80, 443] }])).toBe('[map[name:app ports:[80 443]]]');
  });
});

describe('never throws', () => {
  it('for arbitrary templates and JSON data', () => {
    fc.assert(
      fc.property(templates, jsonData, (template, value) => {
        const r = executeJsonPath(template, value);
        expect(typeof r.ok).toBe('boolean');
        expect(typeof findJsonPathValues(template, value).ok).toBe('boolean');
        expect(typeof printJsonPathValue(value)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});
