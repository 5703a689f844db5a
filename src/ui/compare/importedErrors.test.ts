import { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCluster } from '../../scenario/import';
import { importedObjectAt } from '../../scenario/import/objectAt';
import { renderMessage } from '../i18n/message';
import { localeT } from '../../testing/messages';
import { loadImported } from './compareLoading';

/**
 * A cluster that maps but cannot run as imported (here 2,000,000 replicas) is refused at Read with
 * the pasted object named: the written scenario's line numbers point into a file the panel never shows.
 */
const deployment = (name: string, replicas: number) => `- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}
    namespace: shop
  spec:
    replicas: ${replicas}
    selector:
      matchLabels: {app: ${name}}
    template:
      metadata:
        labels: {app: ${name}}
      spec:
        containers:
        - name: ${name}
          image: ${name}:1
          resources:
            requests: {cpu: 250m, memory: 256Mi}
`;
const cluster = (apiReplicas: number) => `apiVersion: v1
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: ip-192-168-12-34.ap-northeast-2.compute.internal
    labels:
      eks.amazonaws.com/nodegroup: ng-app
      node.kubernetes.io/instance-type: m5.large
      topology.kubernetes.io/region: ap-northeast-2
      topology.kubernetes.io/zone: ap-northeast-2a
${deployment('web', 4)}${deployment('api', apiReplicas)}kind: List
metadata:
  resourceVersion: ""
`;

function imported(apiReplicas: number): string {
  const r = importCluster({ text: cluster(apiReplicas) });
  if (!r.ok) throw new Error('the import itself should succeed');
  return r.text;
}

let en: TFunction;
let ko: TFunction;
beforeAll(async () => {
  ({ en, ko } = await localeT());
});

describe('an imported cluster that cannot run', () => {
  it('names the pasted Deployment and the field, in English and Korean, not a line of imported.yaml', () => {
    const r = loadImported(imported(2_000_000));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.messages).toHaveLength(1);
    const english = renderMessage(en, r.messages[0]);
    expect(english).toMatch(/^the pasted Deployment shop\/api cannot run as imported: spec\.replicas: Invalid value: 2000000: /);
    expect(english).not.toContain('imported.yaml');
    const korean = renderMessage(ko, r.messages[0]);
    expect(korean).toContain('붙여넣은 Deployment shop/api');
    expect(korean).toContain('spec.replicas');
    expect(korean).not.toContain('imported.yaml');
  });

  it("an error in the import's own Scenario document (node groups from the Nodes) does not call it pasted", () => {
    const text = imported(2).replace('ap-northeast-2a', 'ap-northeast-2z');
    const r = loadImported(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const english = renderMessage(en, r.messages[0]);
    expect(english).toMatch(/^the scenario made from the pasted objects cannot run: spec\.nodeGroups\[0\]\.zones\[0\]: /);
    expect(renderMessage(ko, r.messages[0])).toMatch(/^붙여넣은 객체로 만든 시나리오를 실행할 수 없습니다\. spec\.nodeGroups/);
  });

  it('loads a cluster that can run, ready for "Run it as A"', () => {
    const r = loadImported(imported(2));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.manifests.map((m) => (m as { metadata: { name: string } }).metadata.name)).toEqual(expect.arrayContaining(['web', 'api']));
  });
});

describe('importedObjectAt', () => {
  it('finds the document holding each line, and nothing past the text', () => {
    const text = imported(2);
    const lines = text.split('\n');
    const at = (needle: string) => importedObjectAt(text, lines.findIndex((l) => l.includes(needle)) + 1);
    expect(at('kind: Scenario')?.kind).toBe('Scenario');
    expect(at('image: web:1')).toEqual({ kind: 'Deployment', name: 'shop/web' });
    expect(at('image: api:1')).toEqual({ kind: 'Deployment', name: 'shop/api' });
    expect(importedObjectAt(text, lines.length + 5)).toBeNull();
  });
});
