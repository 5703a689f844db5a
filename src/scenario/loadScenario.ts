import type { ScenarioSpec } from '../sim/core/scenario';
import type { ManifestDoc, TimedCommand } from '../sim/core/commands';
import { parseCommandLine } from './commandLine';
import { validateCommand } from './commandSchema';
import { formatDuration, parseDuration } from './duration';
import { formatPath, type PathSegment, type ScenarioError } from './errors';
import { validateManifest, type LocatedManifest } from './manifests/validateManifest';
import { priorityClassProblems, type CheckedManifest } from './manifests/priorityChecks';
import { buildScenarioSpec } from './scenarioBuild';
import { scenarioProblems } from './scenarioChecks';
import { SCENARIO_API_VERSION, scenarioDocSchema } from './scenarioSchema';
import { parseEmbeddedStream, parseYamlStream, subDocument, type YamlDocument } from './yamlSource';
import { issuesToProblems } from './zodIssues';
import { pushAll } from '../sim/core/arrays';
import { msg, type Message } from '../sim/core/message';

/**
 * `notices` (valid but not simulated) and `warnings` (will not do what it seems to) are English, as
 * the CLI prints them; `noticeMsgs`/`warningMsgs` hold the same, in the same order, as Messages for
 * the page to show in the reader's language. Errors are English too; those in the playground's own
 * words carry a Message beside (ScenarioError.msg), those worded as the API server and kubectl word
 * theirs stay as written.
 */
export type ScenarioLoadResult =
  | { ok: true; spec: ScenarioSpec; manifests: LocatedManifest[]; notices: string[]; warnings: string[]; noticeMsgs: Message[]; warningMsgs: Message[] }
  | { ok: false; errors: ScenarioError[] };

const APPLY_INPUT = 'kubectl apply -f -';

function isScenarioDoc(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.kind === 'Scenario' || (typeof v.apiVersion === 'string' && v.apiVersion.startsWith('playground/'));
}

interface Collected {
  errors: ScenarioError[];
  notices: string[];
  noticeMsgs: Message[];
  /** Every valid manifest with its source, for the checks across documents. */
  checked: CheckedManifest[];
}

/** Manifests given inline in the timeline (`apply:`), validated like the file's own documents. */
function timelineManifests(text: string, src: YamlDocument, path: PathSegment[], value: unknown, out: Collected): ManifestDoc[] {
  const docs: YamlDocument[] = [];
  if (typeof value === 'string') {
    const stream = parseEmbeddedStream(text, src, path, value);
    pushAll(out.errors, stream.errors);
    pushAll(docs, stream.docs);
  } else {
    docs.push(subDocument(src, path, value));
  }
  const manifests: ManifestDoc[] = [];
  const where = formatPath(path);
  for (const d of docs) {
    const check = validateManifest(d);
    // Name the timeline entry too: the manifest's own paths alone would not say which one.
    pushAll(out.errors, check.errors.map((e) => ({ ...e, path: e.path ? `${where}: ${e.path}` : where })));
    pushAll(out.notices, check.notices);
    pushAll(out.noticeMsgs, check.noticeMsgs);
    if (check.manifest) {
      manifests.push(check.manifest.doc);
      out.checked.push({ src: d, doc: check.manifest.doc, where });
    }
  }
  if (docs.length === 0) out.errors.push(src.errorAt(path, 'no objects passed to apply', false, msg('scenarioError.applyEmpty')));
  return manifests;
}

/** Reads the raw timeline so that command errors show even when other fields are invalid. */
function buildTimeline(text: string, src: YamlDocument, out: Collected): TimedCommand[] {
  const spec = (src.value as { spec?: { timeline?: unknown } } | null)?.spec;
  const entries = Array.isArray(spec?.timeline) ? (spec.timeline as unknown[]) : [];
  const timeline: TimedCommand[] = [];
  entries.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object') return;
    const entry = raw as { at?: unknown; run?: unknown; apply?: unknown; command?: unknown };
    const at = parseDuration(entry.at);
    const atMs = at.ok ? at.ms : 0;
    const base: PathSegment[] = ['spec', 'timeline', i];
    if (entry.command !== undefined) {
      // Exactly the command an exported run recorded; `run` is its label, not parsed.
      const checked = validateCommand(entry.command);
      if (!checked.ok) out.errors.push(src.errorAt([...base, 'command'], checked.error, false, checked.msg));
      else timeline.push({ atMs, input: typeof entry.run === 'string' ? entry.run : `playground ${checked.command.type}`, command: checked.command });
    } else if (typeof entry.run === 'string') {
      const parsed = parseCommandLine(entry.run);
      // kubectl's and bash's own errors stay as they print them; the playground's carry a Message.
      if (!parsed.ok) out.errors.push(src.errorAt([...base, 'run'], parsed.error.replace(/\n+/g, ' ').replace(/\t/g, ''), false, parsed.msg));
      else for (const command of parsed.commands) timeline.push({ atMs, input: entry.run, command });
    } else if (typeof entry.apply === 'string' || (entry.apply !== null && typeof entry.apply === 'object' && !Array.isArray(entry.apply))) {
      const manifests = timelineManifests(text, src, [...base, 'apply'], entry.apply, out);
      if (manifests.length > 0) timeline.push({ atMs, input: APPLY_INPUT, command: { type: 'apply', manifests } });
    }
  });
  // Entries may be written in any order; equal times keep the order they were written in.
  return timeline.map((c, i) => ({ c, i })).sort((a, b) => a.c.atMs - b.c.atMs || a.i - b.i).map(({ c }) => c);
}

function warningsFor(spec: ScenarioSpec, manifests: LocatedManifest[]): { warnings: string[]; warningMsgs: Message[] } {
  const warnings: string[] = [];
  const warningMsgs: Message[] = [];
  for (const c of spec.timeline) {
    if (c.atMs > spec.durationMs) {
      const at = formatDuration(c.atMs);
      const end = formatDuration(spec.durationMs);
      warnings.push(`timeline: "${c.input}" at ${at} is after the end of the run (${end}) and will not run`);
      warningMsgs.push(msg('scenarioNote.warning.afterEnd', { input: c.input, at, end }));
    }
  }
  const deployments = new Set(manifests.filter((m) => m.kind === 'Deployment').map((m) => m.name));
  for (const c of spec.timeline) {
    if (c.command.type === 'apply') for (const d of c.command.manifests) if (d.kind === 'Deployment') deployments.add(String((d.metadata as { name?: unknown } | undefined)?.name));
  }
  for (const l of spec.load) {
    if (!deployments.has(l.target)) {
      warnings.push(`load: target "${l.target}" is not a Deployment in this file; traffic to it is dropped until one exists`);
      warningMsgs.push(msg('scenarioNote.warning.loadTarget', { target: l.target }));
    }
  }
  const hasNodePool = manifests.some((m) => m.kind === 'NodePool' || m.kind === 'Provisioner');
  if (spec.nodeGroups.length === 0 && !hasNodePool) {
    warnings.push('spec.nodeGroups is empty and there is no Karpenter NodePool: no node will ever start, so every pod stays Pending');
    warningMsgs.push(msg('scenarioNote.warning.noNodes'));
  }
  return { warnings, warningMsgs };
}

/** The same notice can come from two places (a manifest and a timeline copy): keep the first of each text. */
function distinctNotices(out: Collected): { notices: string[]; noticeMsgs: Message[] } {
  const seen = new Set<string>();
  const notices: string[] = [];
  const noticeMsgs: Message[] = [];
  out.notices.forEach((n, i) => {
    if (seen.has(n)) return;
    seen.add(n);
    notices.push(n);
    noticeMsgs.push(out.noticeMsgs[i]);
  });
  return { notices, noticeMsgs };
}

/**
 * A scenario file (multi-document YAML: one playground/v1alpha1 Scenario and real manifests) →
 * the engine's ScenarioSpec and the validated manifests, or every error with its FILE:LINE:COL.
 * Never throws.
 */
export function loadScenario(text: string, fileName: string): ScenarioLoadResult {
  try {
    return load(text, fileName);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [{ file: fileName, line: 1, col: 1, path: '', message: `internal error while reading the scenario: ${detail}`, msg: msg('scenarioError.internal', { detail }) }] };
  }
}

function load(text: string, fileName: string): ScenarioLoadResult {
  const stream = parseYamlStream(text, fileName);
  const out: Collected = { errors: [...stream.errors], notices: [], noticeMsgs: [], checked: [] };
  const scenarioDocs = stream.docs.filter((d) => isScenarioDoc(d.value));
  const manifests: LocatedManifest[] = [];
  for (const d of stream.docs) {
    if (isScenarioDoc(d.value)) continue;
    const check = validateManifest(d);
    pushAll(out.errors, check.errors);
    pushAll(out.notices, check.notices);
    pushAll(out.noticeMsgs, check.noticeMsgs);
    if (check.manifest) {
      manifests.push(check.manifest);
      out.checked.push({ src: d, doc: check.manifest.doc });
    }
  }
  if (scenarioDocs.length === 0 && stream.errors.length === 0) {
    out.errors.push({
      file: fileName,
      line: 1,
      col: 1,
      path: '',
      message: `no ${SCENARIO_API_VERSION} Scenario document: add one (apiVersion: ${SCENARIO_API_VERSION}, kind: Scenario, spec: {nodeGroups: …})`,
      msg: msg('scenarioError.noScenario', { apiVersion: SCENARIO_API_VERSION }),
    });
  }
  for (const extra of scenarioDocs.slice(1)) {
    const first = scenarioDocs[0].start;
    const at = `${fileName}:${first.line}:${first.col}`;
    out.errors.push(extra.errorAt(['kind'], `only one Scenario document is allowed (the first is at ${at})`, false, msg('scenarioError.secondScenario', { at })));
  }
  let spec: ScenarioSpec | undefined;
  const src = scenarioDocs[0];
  if (src) {
    const timeline = buildTimeline(text, src, out);
    const parsed = scenarioDocSchema.safeParse(src.value);
    if (!parsed.success) {
      for (const p of issuesToProblems(parsed.error.issues, scenarioDocSchema, src.value)) out.errors.push(src.errorAt(p.path, p.message, p.atKey, p.msg));
    } else {
      const problems = scenarioProblems(parsed.data);
      for (const p of problems) out.errors.push(src.errorAt(p.path, p.message, p.atKey, p.msg));
      if (problems.length === 0) spec = buildScenarioSpec(parsed.data, timeline);
    }
  }
  pushAll(out.errors, priorityClassProblems(out.checked));
  if (out.errors.length > 0 || !spec) {
    const sorted = [...out.errors].sort((a, b) => a.line - b.line || a.col - b.col);
    return { ok: false, errors: sorted };
  }
  return { ok: true, spec, manifests, ...distinctNotices(out), ...warningsFor(spec, manifests) };
}
