import type { ManifestDoc } from '../../sim/core/commands';
import type { PathProblem, ScenarioError } from '../errors';
import { formatPath } from '../errors';
import { suggestions } from '../suggest';
import type { YamlDocument } from '../yamlSource';
import { issuesToProblems } from '../zodIssues';
import { BUILTIN_KINDS } from './builtinKinds';
import { ACCEPTED_NOT_SIMULATED, AUTOSCALER_KINDS, key } from './kindTable';
import { AUTOSCALER_FIELDS, unknownFieldProblems } from './autoscalerFields';
import { SIMULATED_FIELDS, notSimulatedPaths } from './notSimulated';
import { parsePath, validatorsFor } from './validators';
import { pushAll } from '../../sim/core/arrays';
import { msg, type Message } from '../../sim/core/message';

/** A manifest that passed validation, with where it came from. */
export interface LocatedManifest {
  doc: ManifestDoc;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  file: string;
  line: number;
  col: number;
}

export interface ManifestCheck {
  manifest?: LocatedManifest;
  errors: ScenarioError[];
  /** Valid but not simulated, as the CLI prints it (English). */
  notices: string[];
  /** The same notices, in the same order, as Messages for the reader's language. */
  noticeMsgs: Message[];
}

const KNOWN: [string, string][] = [
  ...BUILTIN_KINDS.map((b): [string, string] => [b.apiVersion, b.kind]),
  ...AUTOSCALER_KINDS,
  ...ACCEPTED_NOT_SIMULATED,
];

function noMatches(src: YamlDocument, apiVersion: string, kind: string): ScenarioError {
  const sameKind = KNOWN.filter(([, k]) => k === kind).map(([v]) => v);
  const nearKinds = suggestions(kind, [...new Set(KNOWN.map(([, k]) => k))], Math.min(2, Math.floor(kind.length / 3)));
  const said = `no matches for kind "${kind}" in version "${apiVersion}"`;
  if (sameKind.length > 0) {
    const versions = sameKind.join(', ');
    return src.errorAt(['kind'], `${said}; ${kind} is served as ${versions}`, false, msg('scenarioError.manifest.servedAs', { kind, apiVersion, versions }));
  }
  if (nearKinds.length > 0) {
    const near = nearKinds.slice(0, 3).join(', ');
    return src.errorAt(['kind'], `${said}; did you mean ${near}?`, false, msg('scenarioError.manifest.nearKind', { kind, apiVersion, near }));
  }
  return src.errorAt(['kind'], said, false, msg('scenarioError.manifest.noMatches', { kind, apiVersion }));
}

function problemsToErrors(src: YamlDocument, problems: PathProblem[]): ScenarioError[] {
  return problems.map((p) => src.errorAt(p.path, p.message, p.atKey, p.msg));
}

/**
 * Check one manifest document: its kind must exist; the kinds the engine itself simulates are
 * checked against the real schema; autoscaler kinds go to the validators their modules register.
 * Valid fields the playground does not model become notices, one per field.
 */
export function validateManifest(src: YamlDocument): ManifestCheck {
  const raw = src.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const got = Array.isArray(raw) ? 'a list' : typeof raw;
    const m = msg('scenarioError.manifest.notMapping', { got: Array.isArray(raw) ? msg('scenarioError.value.list') : msg('scenarioError.value.other', { type: got }) });
    return { errors: [src.errorAt([], `a manifest must be a mapping with apiVersion and kind, got ${got}`, false, m)], notices: [], noticeMsgs: [] };
  }
  const doc = raw as ManifestDoc;
  const errors: ScenarioError[] = [];
  for (const field of ['apiVersion', 'kind'] as const) {
    if (typeof doc[field] !== 'string' || doc[field] === '') errors.push(src.errorAt([field], `Required value: ${field} must be set (a string)`, true, msg('scenarioError.manifest.fieldRequired', { field })));
  }
  if (errors.length > 0) return { errors, notices: [], noticeMsgs: [] };
  const apiVersion = doc.apiVersion as string;
  const kind = doc.kind as string;
  const meta = (doc.metadata ?? {}) as Record<string, unknown>;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : 'default';
  const label = `${kind}/${name || '(unnamed)'}`;
  const where = (path: (string | number)[]) => {
    const p = src.locate(path, true);
    return `${src.file}:${p.line}:${p.col}`;
  };
  const notices: string[] = [];
  const noticeMsgs: Message[] = [];
  const k = key(apiVersion, kind);

  if (ACCEPTED_NOT_SIMULATED.some(([v, kd]) => v === apiVersion && kd === kind) && validatorsFor(apiVersion, kind).length === 0) {
    const at = where([]);
    return { errors: [], notices: [`${at}: ${label}: kind ${kind} (${apiVersion}) is accepted but not simulated`], noticeMsgs: [msg('scenarioNote.notice.kind', { where: at, label, kind, apiVersion })] };
  }
  const builtin = BUILTIN_KINDS.find((b) => b.apiVersion === apiVersion && b.kind === kind);
  const autoscaler = AUTOSCALER_KINDS.some(([v, kd]) => v === apiVersion && kd === kind);
  const custom = validatorsFor(apiVersion, kind);
  if (!builtin && !autoscaler && custom.length === 0) return { errors: [noMatches(src, apiVersion, kind)], notices: [], noticeMsgs: [] };

  if (builtin) {
    const parsed = builtin.schema.safeParse(doc);
    if (!parsed.success) return { errors: problemsToErrors(src, issuesToProblems(parsed.error.issues, builtin.schema, doc)), notices: [], noticeMsgs: [] };
    pushAll(errors, problemsToErrors(src, builtin.semantic(doc)));
    for (const path of notSimulatedPaths(doc, SIMULATED_FIELDS[k])) {
      const at = where(path);
      const field = formatPath(path);
      notices.push(`${at}: ${label}: ${field}: not simulated`);
      noticeMsgs.push(msg('scenarioNote.notice.field', { where: at, label, field }));
    }
  } else {
    if (typeof meta.name !== 'string' || meta.name === '') errors.push(src.errorAt(['metadata', 'name'], 'Required value: name or generateName is required', true));
    const fields = AUTOSCALER_FIELDS[k];
    if (fields) pushAll(errors, problemsToErrors(src, unknownFieldProblems(doc, fields)));
  }
  for (const validate of custom) {
    let issues;
    try {
      issues = validate(doc);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      issues = [{ path: '', message: `validator failed: ${detail}`, msg: msg('scenarioError.manifest.validatorFailed', { detail }) }];
    }
    for (const issue of issues) {
      const path = parsePath(issue.path);
      if (issue.severity === 'notice') {
        const at = where(path);
        const field = path.length > 0 ? `${formatPath(path)}: ` : '';
        notices.push(`${at}: ${label}: ${field}${issue.message}`);
        // A validator's notice without a Message of its own is shown as written.
        noticeMsgs.push(msg('scenarioNote.notice.validator', { where: at, label, field, detail: issue.msg ?? msg('scenarioNote.verbatim', { text: issue.message }) }));
      } else errors.push(src.errorAt(path, issue.message, false, issue.msg));
    }
  }
  if (errors.length > 0) return { errors, notices, noticeMsgs };
  return { manifest: { doc, apiVersion, kind, name, namespace, file: src.file, ...src.start }, errors: [], notices, noticeMsgs };
}
