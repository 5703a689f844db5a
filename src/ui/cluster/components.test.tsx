// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { clusterResources } from './i18n';
import type { ReactElement } from 'react';
import { mountUi, type Mounted } from '../../testing/mountUi';
import { createSession } from '../../sim/session';
import { deployment, nodeGroup, scenario } from '../../sim/testing/fixtures';
import { usePlayground } from '../../store/playgroundStore';
import { CostHeader } from './CostHeader';
import { DetailsPanel } from './DetailsPanel';
import { Legend } from './Legend';
import { NODE_STATE_ORDER, POD_STATUS_ORDER } from './podStatus';
import { advance } from '../../sim/session';
import { applyCommand } from '../../sim/commands/apply';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function load(spec = scenario(), manifests = [deployment('nginx', 15, '500m', '512Mi')], seconds = 30) {
  const session = createSession(spec, manifests);
  advance(session, seconds * 1000);
  usePlayground.setState({ session, version: usePlayground.getState().version + 1, selection: null });
  return session;
}

/** Client-render into jsdom (server rendering would read the store's initial state, not the test's). */
function renderToStaticMarkup(element: ReactElement): string {
  const mounted = mountUi(element);
  const html = mounted.el.innerHTML;
  mounted.unmount();
  return html;
}

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: clusterResources.en }, ko: { translation: clusterResources.ko } },
    interpolation: { escapeValue: false },
  });
});

afterEach(() => usePlayground.setState({ session: null, selection: null }));

/** A raw key in the output means a string is missing from i18n.ts. */
const noRawKeys = (html: string) => expect(html).not.toMatch(/cluster\.[a-z]+\.[a-zA-Z.]+/);

describe('DetailsPanel', () => {
  it('renders nothing without a selection', () => {
    load();
    expect(renderToStaticMarkup(<DetailsPanel />)).toBe('');
  });

  it("shows a pending pod's scheduler message, requests and limits, and the describe button", () => {
    const session = load();
    const pod = [...session.world.pods.values()].find((p) => p.state === 'Pending')!;
    usePlayground.setState({ selection: { kind: 'pod', name: pod.name } });
    const html = renderToStaticMarkup(<DetailsPanel />);
    expect(html).toContain(pod.name);
    expect(html).toContain('0/3 nodes are available: 3 Insufficient cpu.');
    expect(html).toContain('data-testid="scheduler-message"');
    expect(html).toContain('cpu 500m, memory 512Mi');
    expect(html).toContain('FailedScheduling');
    expect(html).toContain(`kubectl describe pod ${pod.name}`);
    noRawKeys(html);
  });

  it('shows a node with its pods, allocation and labels', () => {
    const session = load();
    const node = [...session.world.nodes.values()][0];
    usePlayground.setState({ selection: { kind: 'node', name: node.name } });
    const html = renderToStaticMarkup(<DetailsPanel />);
    for (const p of node.podNames) expect(html).toContain(p);
    expect(html).toContain('node.kubernetes.io/instance-type=t3.medium');
    expect(html).toContain('1930m');
    noRawKeys(html);
  });

  it('says so when the selected object is gone', () => {
    load();
    usePlayground.setState({ selection: { kind: 'pod', name: 'no-such-pod' } });
    expect(renderToStaticMarkup(<DetailsPanel />)).toContain('This object no longer exists.');
  });
});

describe('CostHeader', () => {
  it('lists each node with its price while the cluster is small', () => {
    const session = load();
    const html = renderToStaticMarkup(<CostHeader />);
    for (const n of session.world.nodes.values()) expect(html).toContain(n.name.split('.')[0]);
    expect(html).toContain('$0.156/hour');
    expect(html).toContain('$113.88/month');
    noRawKeys(html);
  });

  it('collapses to one row per instance type past 40 nodes', () => {
    const spec = scenario({ nodeGroups: [nodeGroup({ instanceTypes: ['m5.large'], minSize: 45, maxSize: 45, desiredCapacity: 45 })] });
    const session = load(spec, [], 1);
    const html = renderToStaticMarkup(<CostHeader />);
    expect(html).toContain('×45');
    expect(html).not.toContain([...session.world.nodes.keys()][0].split('.')[0]);
    expect(html).toContain('Show all 45 nodes');
    noRawKeys(html);
  });
});

/** Mounted with cluster.css applied (jsdom cascades declarations, it does not lay out). */
function mountStyled(element: ReactElement): Mounted {
  const style = document.createElement('style');
  style.textContent = readFileSync(join(import.meta.dirname, 'cluster.css'), 'utf8');
  document.head.append(style);
  const mounted = mountUi(element);
  return {
    el: mounted.el,
    unmount: () => {
      mounted.unmount();
      style.remove();
    },
  };
}

describe('CostHeader node states', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it("says a launching node's state in the reader's language, as the grid's node box does", async () => {
    const session = load();
    applyCommand(session.world, { type: 'updateAsg', name: 'ng1', desiredCapacity: 4 });
    advance(session, 1000);
    usePlayground.setState({ version: usePlayground.getState().version + 1 });
    for (const lng of ['en', 'ko'] as const) {
      await i18next.changeLanguage(lng);
      const html = renderToStaticMarkup(<CostHeader />);
      const states = [...html.matchAll(/data-testid="cost-node-state">([^<]*)</g)].map((m) => m[1]);
      expect(states).toEqual([clusterResources[lng].cluster.cost.status.launching]);
      noRawKeys(html);
    }
    expect(clusterResources.ko.cluster.cost.status.launching).toBe('시작 중');
  });

  it('has a word for every state but Ready (which shows none) in English and Korean', () => {
    for (const lng of ['en', 'ko'] as const) {
      const words = clusterResources[lng].cluster.cost.status as Record<string, string>;
      for (const s of NODE_STATE_ORDER.filter((x) => x !== 'ready')) expect(words[s], `${lng} ${s}`).toMatch(/\S/);
    }
  });

  it('keeps a node name on one line with an ellipsis beside its state, the whole name in the tooltip', () => {
    const session = load();
    applyCommand(session.world, { type: 'updateAsg', name: 'ng1', desiredCapacity: 4 });
    advance(session, 1000);
    usePlayground.setState({ version: usePlayground.getState().version + 1 });
    const { el, unmount } = mountStyled(<CostHeader />);
    const badge = el.querySelector('[data-testid="cost-node-state"]')!;
    const name = badge.parentElement!.querySelector<HTMLElement>('[data-testid="cost-node-name"]')!;
    const css = getComputedStyle(name);
    expect([css.whiteSpace, css.textOverflow, css.overflow, css.display]).toEqual(['nowrap', 'ellipsis', 'hidden', 'inline']);
    expect(getComputedStyle(badge).whiteSpace).toBe('nowrap');
    const row = name.closest('[role="row"]')!;
    const full = [...session.world.nodes.values()].find((n) => n.state === 'Launching')!.name;
    expect(row.getAttribute('title')).toContain(full);
    unmount();
  });
});

describe('Legend', () => {
  it('explains every pod status, node state and both bars, in English and Korean', async () => {
    for (const lng of ['en', 'ko'] as const) {
      await i18next.changeLanguage(lng);
      const strings = clusterResources[lng].cluster;
      const html = renderToStaticMarkup(<Legend />);
      for (const s of POD_STATUS_ORDER) expect(html).toContain(strings.podStatus[s]);
      for (const s of NODE_STATE_ORDER) expect(html).toContain(strings.node.stateName[s]);
      expect(html).toContain(strings.legend.cpuBar);
      expect(html).toContain(strings.legend.memoryBar);
      noRawKeys(html);
    }
    await i18next.changeLanguage('en');
  });
});
