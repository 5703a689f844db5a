import fc from 'fast-check';

/**
 * Data for the JSONPath and --sort-by tests: a v1 List of Pods and one of Nodes shaped like what
 * kubectl reads (our own objects), and the arbitraries of the never-throws properties.
 */

const ready = (status: string) => [
  { type: 'PodScheduled', status: 'True' },
  { type: 'Ready', status },
];
const pod = (name: string, phase: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: name.split('-')[0] } },
  spec: { nodeName: 'ip-10-0-1-17', containers: [{ name: 'app', image: `${name}:1` }] },
  status: { phase, ...extra },
});
export const pods = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    pod('web-1', 'Running', {
      conditions: ready('True'),
      containerStatuses: [{ name: 'app', restartCount: 3 }],
    }),
    pod('web-2', 'Pending', {
      conditions: ready('False'),
      containerStatuses: [{ name: 'app', restartCount: 0 }],
    }),
    pod('api-1', 'Running', {
      conditions: ready('True'),
      containerStatuses: [{ name: 'app', restartCount: 12 }],
    }),
  ],
  metadata: { resourceVersion: '' },
};
const node = (name: string, zone: string, cpu: string) => ({
  kind: 'Node',
  metadata: {
    name,
    labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': zone },
  },
  status: { capacity: { cpu, pods: '110' }, addresses: [{ type: 'InternalIP', address: `10.0.0.${cpu}` }] },
});
export const nodes = {
  kind: 'List',
  items: [node('ip-10-0-1-17', 'us-east-1a', '4'), node('ip-10-0-2-9', 'us-east-1b', '8')],
};

export const jsonData = fc.jsonValue({ maxDepth: 6 });
const pieces = fc.constantFrom(
  '{',
  '}',
  '.',
  '..',
  '[',
  ']',
  '[*]',
  '[0]',
  '[-1]',
  '[1:3]',
  '[::2]',
  '[0,1]',
  "['a']",
  '[?(@.a==1)]',
  '[?(@.b)]',
  '@',
  '$',
  'a',
  'b',
  'range ',
  'end',
  '"x"',
  "'y'",
  '\\',
  '*',
  ' ',
  '(',
  ')',
  '==',
  '<',
  '1',
  '2.5',
  'true',
  '\n',
);
export const templates = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(pieces, { maxLength: 25 }).map((xs) => xs.join('')),
);
