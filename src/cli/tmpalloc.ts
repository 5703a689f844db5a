import { Session } from 'node:inspector/promises';
import { step } from '../sim/core/step';
import { buildWorld } from './bench/worlds';
import { BENCH_CASES } from './bench/cases';
const w = buildWorld(BENCH_CASES.find((c) => c.name === (process.argv[2] ?? 'medium-ca'))!);
for (let i = 0; i < 300; i++) step(w);
const s = new Session(); s.connect();
await s.post('HeapProfiler.enable');
await s.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
for (let i = 0; i < 3600; i++) step(w);
const { profile } = await s.post('HeapProfiler.stopSampling');
const self = new Map<string, number>(); let total = 0;
const walk = (n: any, stack: string[]) => {
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  const sz = n.selfSize; total += sz;
  self.set(k, (self.get(k) ?? 0) + sz);
  if (['next','set','push','filter','values','slice'].includes(n.callFrame.functionName) && stack.length) { const pk = n.callFrame.functionName + ' <- ' + stack[stack.length-1]; self.set(pk, (self.get(pk) ?? 0) + sz); }
  for (const c of n.children) walk(c, [...stack, k]);
};
walk(profile.head, []);
console.log('total MB', (total / 1e6).toFixed(1));
[...self].sort((a, b) => b[1] - a[1]).slice(0, 400).forEach(([k, v]) => console.log((v / 1e6).toFixed(1).padStart(7), k));
