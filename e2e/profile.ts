import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

/**
 * What the page's main thread spends its long tasks on, from a V8 sampling profile (CDP Profiler).
 * Used by the PROFILE test in perf.spec.ts (PERF_PROFILE=1); prints figures, asserts nothing.
 *
 * A "task" here is a run of consecutive non-idle samples: V8 records `(idle)` while the thread
 * waits for work, `(program)` for the browser's own work (style, layout, paint, task overhead) and
 * `(garbage collector)` for GC, so the runs match the long tasks a PerformanceObserver reports
 * (two back-to-back tasks with no idle sample between them count as one). Each sample of a long
 * run is put in one category by the innermost frame of its stack that names one (see CATEGORIES),
 * after mapping the bundle's positions to source files with the build's source maps (build with
 * `npx vite build --sourcemap`; without maps the bundle's chunk names are all there is).
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export async function profileWhile(page: Page, run: () => Promise<void>): Promise<CpuProfile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  return profile;
}

/** First match wins, from the innermost frame outwards; the source path after mapping. */
const CATEGORIES: [string, RegExp][] = [
  ['engine: autoscalers', /src\/sim\/autoscalers\//],
  ['engine: scheduler/cluster', /src\/sim\/(cluster|scheduler)\//],
  ['engine: metrics/load', /src\/sim\/(metrics|load|traffic)\//],
  ['engine: events/trace', /src\/sim\/(trace|events|core\/events)/],
  ['engine: checks', /src\/sim\/checks\//],
  ['engine: session/other', /src\/sim\//],
  ['worker client (sync/postMessage)', /src\/store\/engineClient|src\/sim\/worker\//],
  ['grid: layout', /src\/ui\/cluster\/(layout|gridQuery|sort|group)/],
  ['grid: canvas draw', /src\/ui\/cluster\/(draw|fadeIn|paint)/],
  ['charts (D3/canvas)', /src\/ui\/charts\//],
  ['other UI code', /src\/ui\/|src\/app\//],
  ['store (zustand)', /src\/store\/|node_modules\/zustand/],
  ['React (reconcile/commit)', /node_modules\/(react-dom|react|scheduler|react-i18next|i18next)\//],
  ['d3', /node_modules\/d3/],
  ['other libraries', /node_modules\//],
];

export interface Breakdown {
  totalMs: number;
  longRuns: number[];
  /** ms per category inside runs over 50 ms */
  inLong: Map<string, number>;
  /** the three longest runs, each with its own split */
  worst: { ms: number; split: [string, number][] }[];
  /** ms per source function inside long runs, top entries */
  topFunctions: [string, number][];
}

/** Maps a bundle position (0-based line and column, as CDP reports them) to `fn (src/file.ts:line)`. */
export function sourceMapper(distDir: string, origin: string): (url: string, line: number, col: number) => string {
  const maps = new Map<string, TraceMap | null>();
  return (url, line, col) => {
    if (!maps.has(url)) {
      const file = `${distDir}/${url.slice(origin.length).replace(/^\//, '').split('?')[0]}.map`;
      maps.set(url, url.startsWith(origin) && existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : null);
    }
    const m = maps.get(url);
    if (!m) return url;
    const pos = originalPositionFor(m, { line: line + 1, column: Math.max(0, col) });
    return `${pos.name ?? '?'} (${(pos.source ?? url).replace(/^.*?(src\/|node_modules\/)/, '$1')}:${pos.line ?? 0})`;
  };
}

export function analyse(profile: CpuProfile, distDir: string, origin: string): Breakdown {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const maps = new Map<string, TraceMap | null>();
  const mapFor = (url: string): TraceMap | null => {
    if (maps.has(url)) return maps.get(url)!;
    let m: TraceMap | null = null;
    if (url.startsWith(origin)) {
      const file = `${distDir}/${url.slice(origin.length).replace(/^\//, '').split('?')[0]}.map`;
      if (existsSync(file)) m = new TraceMap(readFileSync(file, 'utf8'));
    }
    maps.set(url, m);
    return m;
  };
  const sourceOf = new Map<number, { path: string; fn: string }>();
  const frameSource = (n: ProfileNode) => {
    let s = sourceOf.get(n.id);
    if (s) return s;
    const cf = n.callFrame;
    let path = cf.url;
    let fn = cf.functionName || '(anonymous)';
    const m = cf.url ? mapFor(cf.url) : null;
    if (m && cf.lineNumber >= 0) {
      const pos = originalPositionFor(m, { line: cf.lineNumber + 1, column: Math.max(0, cf.columnNumber) });
      if (pos.source) path = pos.source;
      if (pos.name) fn = pos.name;
    }
    s = { path, fn };
    sourceOf.set(n.id, s);
    return s;
  };
  const categorise = (leafId: number): { cat: string; fn: string } => {
    const leaf = byId.get(leafId)!;
    const name = leaf.callFrame.functionName;
    if (name === '(garbage collector)') return { cat: 'GC', fn: name };
    if (name === '(program)') return { cat: 'browser (style/layout/paint, task overhead)', fn: name };
    let n: ProfileNode | undefined = leaf;
    let innermost: string | null = null;
    while (n) {
      const s = frameSource(n);
      innermost ??= `${s.fn} (${s.path.replace(/^.*?(src\/|node_modules\/)/, '$1')}:${n.callFrame.lineNumber + 1})`;
      for (const [cat, re] of CATEGORIES) if (re.test(s.path)) return { cat, fn: innermost };
      n = n.parent !== undefined ? byId.get(n.parent) : undefined;
    }
    return { cat: 'other', fn: innermost ?? name };
  };
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;

  // Sample i lasts from its timestamp to the next one's.
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const idle = (i: number) => byId.get(profile.samples[i])!.callFrame.functionName === '(idle)';
  const inLong = new Map<string, number>();
  const fns = new Map<string, number>();
  const longRuns: number[] = [];
  const worst: Breakdown['worst'] = [];
  let i = 0;
  while (i < profile.samples.length - 1) {
    if (idle(i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < profile.samples.length - 1 && !idle(i)) i++;
    const ms = (times[i] - times[start]) / 1000;
    if (ms <= 50) continue;
    longRuns.push(ms);
    const split = new Map<string, number>();
    for (let k = start; k < i; k++) {
      const dt = (times[k + 1] - times[k]) / 1000;
      const { cat, fn } = categorise(profile.samples[k]);
      split.set(cat, (split.get(cat) ?? 0) + dt);
      inLong.set(cat, (inLong.get(cat) ?? 0) + dt);
      fns.set(fn, (fns.get(fn) ?? 0) + dt);
    }
    worst.push({ ms, split: [...split].sort((a, b) => b[1] - a[1]) });
  }
  worst.sort((a, b) => b.ms - a.ms);
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    longRuns: longRuns.sort((a, b) => b - a),
    inLong,
    worst: worst.slice(0, 3),
    topFunctions: [...fns].sort((a, b) => b[1] - a[1]).slice(0, 15),
  };
}

export function printBreakdown(label: string, b: Breakdown): void {
  const sum = [...b.inLong.values()].reduce((a, x) => a + x, 0);
  const runs = b.longRuns.map((x) => x.toFixed(0)).join(', ');
  console.log(`PROFILE ${label}: ${b.longRuns.length} runs over 50 ms in ${(b.totalMs / 1000).toFixed(1)} s (${runs}); ${sum.toFixed(0)} ms in them:`);
  for (const [cat, ms] of [...b.inLong].sort((a, c) => c[1] - a[1])) console.log(`PROFILE   ${cat.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / sum).toFixed(0).padStart(3)}%`);
  for (const w of b.worst) console.log(`PROFILE   a ${w.ms.toFixed(0)} ms run: ${w.split.map(([c, ms]) => `${c} ${ms.toFixed(0)}`).join(', ')}`);
  console.log(`PROFILE   top functions (self, innermost named frame) in those runs:`);
  for (const [fn, ms] of b.topFunctions) console.log(`PROFILE     ${ms.toFixed(1).padStart(7)} ms  ${fn}`);
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time of an X event, µs */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string; functionName?: string; url?: string; lineNumber?: number; columnNumber?: number; type?: string } };
}

/** A Chrome trace (devtools.timeline) of the page while `run` runs. */
export async function traceWhile(page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value as unknown as TraceEvent[]) events.push(ev);
  });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink.user_timing', transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

/**
 * Long tasks (RunTask over 50 ms on the page's main thread) and the self time of each trace event
 * name inside them: FunctionCall/FireAnimationFrame/TimerFire… self time is JavaScript,
 * UpdateLayoutTree is style recalculation, Layout, Paint, PrePaint, Layerize, GC events …; an
 * UpdateLayoutTree or Layout inside a script is "forced" (the script read layout or computed style).
 */
export interface TraceBreakdown {
  /** wall durations of tasks over 50 ms, longest first */
  tasks: number[];
  /** the main thread's CPU time of those tasks (trace `tdur`), longest first */
  cpu: number[];
  /** tasks whose CPU time alone is over 50 ms (a long task even on an idle machine) */
  cpuLong: number;
  self: [string, number][];
  all: string;
  entries: [string, number][];
  parts: [string, number][];
}

export function analyseTrace(events: TraceEvent[], where?: (url: string, line: number, col: number) => string): TraceBreakdown {
  const mainTids = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // The busiest CrRendererMain is the page (other renderers: about:blank, service worker host).
  const busy = new Map<string, number>();
  for (const e of events) if (e.name === 'RunTask' && e.ph === 'X' && mainTids.has(`${e.pid}:${e.tid}`)) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: number[] = [];
  const cpu: number[] = [];
  let cpuLong = 0;
  const self = new Map<string, number>();
  const entryMs = new Map<string, number>();
  const partMs = new Map<string, number>();
  const scriptish = /^(FunctionCall|FireAnimationFrame|TimerFire|EventDispatch|EvaluateScript|v8\.callFunction|v8\.run|RunMicrotasks|V8\.Execute)/;
  let i = 0;
  while (i < mine.length) {
    const task = mine[i];
    if (task.name !== 'RunTask') {
      i++;
      continue;
    }
    const end = task.ts + task.dur!;
    let j = i + 1;
    const inside: TraceEvent[] = [];
    while (j < mine.length && mine[j].ts < end) inside.push(mine[j++]);
    i = j;
    if ((task.tdur ?? 0) > 50_000) cpuLong++;
    if (task.dur! <= 50_000) continue;
    tasks.push(task.dur! / 1000);
    cpu.push((task.tdur ?? task.dur!) / 1000);
    // What started the task: its first traced child (an animation frame, a timer, an event, a message…).
    const first = inside[0];
    const d = first?.args?.data;
    const fn = d?.url && where ? where(d.url, d.lineNumber ?? 0, d.columnNumber ?? 0) : (d?.functionName ?? '');
    const entry = first ? `${first.name}${d?.type ? ` ${d.type}` : ''}${fn ? ` ${fn}` : ''}` : 'RunTask';
    entryMs.set(entry, (entryMs.get(entry) ?? 0) + task.dur! / 1000);
    // Self time: each event's duration minus its direct children's.
    const stack: { e: TraceEvent; label: string; child: number }[] = [{ e: task, label: 'RunTask (task overhead, untraced)', child: 0 }];
    const close = (upTo: number) => {
      while (stack.length > 0 && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= upTo) {
        const top = stack.pop()!;
        self.set(top.label, (self.get(top.label) ?? 0) + (top.e.dur! - top.child) / 1000);
        if (stack.length > 0) stack[stack.length - 1].child += top.e.dur!;
      }
    };
    for (const e of inside) {
      close(e.ts);
      if (stack.length <= 2) {
        const dd = e.args?.data;
        const f = dd?.url && where ? where(dd.url, dd.lineNumber ?? 0, dd.columnNumber ?? 0) : (dd?.functionName ?? '');
        const key = `${'  '.repeat(stack.length - 1)}${e.name}${f ? ` ${f}` : ''}`;
        partMs.set(key, (partMs.get(key) ?? 0) + e.dur! / 1000);
      }
      const inScript = stack.some((s) => scriptish.test(s.e.name));
      const label = scriptish.test(e.name) ? 'JavaScript (FunctionCall, rAF, timers, events, microtasks)' : inScript && /UpdateLayoutTree|Layout/.test(e.name) ? `${e.name} (forced by script)` : e.name;
      stack.push({ e, label, child: 0 });
    }
    close(Infinity);
  }
  // Over the whole trace (not only long tasks): how often and how long the main steps ran.
  const totals = new Map<string, { n: number; ms: number }>();
  for (const e of mine) {
    if (!/^(RunTask|Commit|Paint|Layout|UpdateLayoutTree|FireAnimationFrame|FunctionCall|TimerFire|EventDispatch|PrePaint|Layerize|UpdateLayer)$/.test(e.name)) continue;
    const x = totals.get(e.name) ?? { n: 0, ms: 0 };
    x.n++;
    x.ms += e.dur! / 1000;
    totals.set(e.name, x);
  }
  const all = [...totals].sort((a, b) => b[1].ms - a[1].ms).map(([n, x]) => `${n} ${x.n}× ${x.ms.toFixed(0)} ms`).join(', ');
  return { cpu: cpu.sort((a, b) => b - a), cpuLong, tasks: tasks.sort((a, b) => b - a), self: [...self].sort((a, b) => b[1] - a[1]), all, entries: [...entryMs].sort((a, b) => b[1] - a[1]), parts: [...partMs].sort((a, b) => b[1] - a[1]) };
}

export function printTrace(label: string, r: TraceBreakdown): void {
  const sum = r.self.reduce((a, [, ms]) => a + ms, 0);
  console.log(`TRACE ${label}, whole trace (inclusive): ${r.all}`);
  console.log(`TRACE ${label}: ${r.tasks.length} long tasks (${r.tasks.map((x) => x.toFixed(0)).join(', ')}); ${sum.toFixed(0)} ms in them:`);
  console.log(`TRACE ${label}: their main-thread CPU time (${r.cpu.map((x) => x.toFixed(0)).join(', ')}); ${r.cpuLong} tasks over 50 ms of CPU`);
  for (const [name, ms] of r.self.slice(0, 14)) console.log(`TRACE   ${name.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / sum).toFixed(0).padStart(3)}%`);
  console.log(`TRACE   long tasks by what started them:`);
  for (const [name, ms] of r.entries.slice(0, 10)) console.log(`TRACE     ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  console.log(`TRACE   inside long tasks, first two levels (inclusive):`);
  for (const [name, ms] of r.parts.slice(0, 25)) console.log(`TRACE     ${ms.toFixed(0).padStart(6)} ms  ${name}`);
}
