/**
 * Development page for the cluster view alone (vite dev server: /src/ui/cluster/dev/index.html).
 * Query: ?scenario=php-apache|nginx-to-scaleout|scale&t=<sim seconds>&theme=light&lang=ko&select=pending|node&play=1&colorBy=workload
 * Used for screenshots and in-browser timing; not part of the app bundle.
 */
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { usePlayground } from '../../../store/playgroundStore';
import { advance } from '../../../sim/session';
import { exampleScenarios, parseScenarioText } from '../../../app/scenarios';
import { useFrameLoop } from '../../../app/useFrameLoop';
import { clusterResources } from '../i18n';
import { scaleScenario } from '../testing/scaleScenario';
import { ClusterView } from '../ClusterView';
import { CostHeader } from '../CostHeader';
import { DetailsPanel } from '../DetailsPanel';
import { Legend } from '../Legend';
import { layoutCluster } from '../layout';
import { drawCluster } from '../draw';
import { DARK_CANVAS } from '../../theme/palette';
import '../../../app/app.css';

const q = new URLSearchParams(location.search);
const lang = q.get('lang') ?? 'en';
void i18next.use(initReactI18next).init({
  lng: lang,
  fallbackLng: 'en',
  resources: { en: { translation: clusterResources.en }, ko: { translation: clusterResources.ko } },
  interpolation: { escapeValue: false },
});

if (q.get('theme') === 'light') {
  const s = document.documentElement.style;
  s.setProperty('--bg', '#ffffff');
  s.setProperty('--panel', '#f6f8fa');
  s.setProperty('--fg', '#1f2328');
  s.setProperty('--muted', '#59636e');
  s.setProperty('--border', '#d0d7de');
  document.body.style.colorScheme = 'light';
}

const name = q.get('scenario') ?? 'nginx-to-scaleout';
const store = usePlayground.getState();
if (name === 'scale') {
  const { spec, manifests } = scaleScenario();
  store.loadScenario({ text: '', file: 'scale', spec, manifests, notices: [], warnings: [] });
} else {
  const ex = exampleScenarios.find((e) => e.id === name) ?? exampleScenarios[0];
  const parsed = parseScenarioText(ex.text, ex.file);
  if (parsed.ok) store.loadScenario(parsed.scenario);
  else console.error(parsed.errors);
}
const session = usePlayground.getState().session;
const t = Number(q.get('t') ?? 0);
if (session && t > 0) {
  const start = performance.now();
  advance(session, t * 1000);
  console.log(`advanced ${t}s in ${(performance.now() - start).toFixed(0)} ms`);
  usePlayground.setState({ version: usePlayground.getState().version + 1 });
}
if (session) {
  const sel = q.get('select');
  const w = session.world;
  if (sel === 'pending') {
    const pod = [...w.pods.values()].find((p) => p.state === 'Pending');
    if (pod) store.select({ kind: 'pod', name: pod.name });
  } else if (sel === 'node') {
    const node = [...w.nodes.values()][0];
    if (node) store.select({ kind: 'node', name: node.name });
  } else if (sel === 'pod') {
    const pod = [...w.pods.values()].find((p) => p.deployment);
    if (pod) store.select({ kind: 'pod', name: pod.name });
  }
}
if (q.get('play') === '1') {
  usePlayground.getState().setSpeed(Number(q.get('speed') ?? 60));
  usePlayground.getState().play();
}

/** In-page timing of the grid's own work on the real canvas (call from devtools or Playwright). */
(window as unknown as { clusterBench: () => string }).clusterBench = () => {
  const w = usePlayground.getState().session?.world;
  if (!w) return 'no world';
  const canvas = document.createElement('canvas');
  canvas.width = 1600;
  canvas.height = 900;
  const ctx = canvas.getContext('2d')!;
  const out: string[] = [];
  for (const zoom of [1, 0.6, 0.3]) {
    const size = { width: 1600, height: 900 };
    let layout = layoutCluster(w, size, { zoom, colorBy: 'status' });
    const runs = 30;
    let start = performance.now();
    for (let i = 0; i < runs; i++) layout = layoutCluster(w, size, { zoom, colorBy: 'status' });
    const layoutMs = (performance.now() - start) / runs;
    const view = { zoom, panX: 0, panY: 0, width: 1600, height: 900, dpr: 1, theme: DARK_CANVAS, selected: null, hovered: null, t: (k: string) => k };
    start = performance.now();
    for (let i = 0; i < runs; i++) drawCluster(ctx, layout, view);
    ctx.getImageData(0, 0, 1, 1);
    const drawMs = (performance.now() - start) / runs;
    out.push(`zoom=${zoom} tiles=${layout.pods.length} layoutMs=${layoutMs.toFixed(2)} drawMs=${drawMs.toFixed(2)}`);
  }
  return out.join('\n');
};

function Harness() {
  useFrameLoop();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      {q.get('cost') !== '0' && <CostHeader />}
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <div style={{ flex: 1, minWidth: 0, position: 'relative' }}>{q.get('grid') !== '0' && <ClusterView />}</div>
        <div style={{ width: 380, overflow: 'auto', borderLeft: '1px solid var(--border)' }}>
          <DetailsPanel />
          {q.get('legend') === '1' && (
            <div style={{ padding: 8 }}>
              <Legend />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Harness />);
