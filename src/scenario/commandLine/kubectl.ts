import type { Command } from '../../sim/core/commands';
import { suggestions } from '../suggest';
import { KUBECTL_GLOBAL_FLAGS, flagBool, flagInt, flagValue, parseFlags, type FlagSpec, type ParsedFlags } from './flags';
import { KUBECTL_COMMANDS, SUPPORTED_KUBECTL } from './kubectlCommands';
import { parseApply, parseDeleteFiles } from './kubectlApply';
import { parseRun } from './kubectlRun';
import { LOGS_FLAGS, parseLogs } from './kubectlLogs';
import { PATCH_FLAGS, parsePatch } from './kubectlPatch';
import { SET_FLAGS, parseSet } from './kubectlSet';
import { ROLLOUT_FLAGS, parseRollout } from './kubectlRollout';
import { NO_RESOURCES, resourceRefs } from './resources';
import { msg } from '../../sim/core/message';
import { fail, ok, type ParseOptions, type ParseResult } from './types';
import { pushAll } from '../../sim/core/arrays';
import { INT32_MAX } from '../../sim/core/limits';
import { commandCheckEnglish } from '../commandChecks';
import { ownEntry } from '../../sim/core/ownKey';

const bool = (name: string, short?: string): FlagSpec => ({ name, short, kind: 'bool' });
const str = (name: string, short?: string, repeatable = false): FlagSpec => ({ name, short, kind: 'string', repeatable });
const int = (name: string, bits: 32 | 64 = 64): FlagSpec => ({ name, kind: 'int', bits });

const VIEW_FLAGS: FlagSpec[] = [
  str('output', 'o'), bool('watch', 'w'), bool('watch-only'), str('selector', 'l'), bool('all-namespaces', 'A'),
  bool('show-labels'), str('label-columns', 'L', true), str('sort-by'), bool('no-headers'), str('field-selector'),
  bool('show-kind'), int('chunk-size'), bool('show-events'), bool('containers'), bool('sum'), bool('use-protocol-buffers'),
  bool('output-watch-events'), bool('ignore-not-found'),
];

const FLAGS: Record<string, FlagSpec[]> = {
  scale: [int('replicas'), int('current-replicas'), str('timeout'), str('resource-version')],
  apply: [str('filename', 'f', true), bool('server-side'), bool('force-conflicts'), bool('record'), str('output', 'o'), bool('recursive', 'R'), bool('wait')],
  delete: [str('filename', 'f', true), bool('force'), int('grace-period'), bool('now'), bool('wait'), bool('ignore-not-found'), str('cascade'), str('timeout')],
  cordon: [],
  uncordon: [],
  drain: [
    bool('ignore-daemonsets'), bool('delete-emptydir-data'), bool('delete-local-data'), bool('force'), int('grace-period'),
    str('timeout'), bool('disable-eviction'), int('skip-wait-for-delete-timeout'), str('pod-selector'),
  ],
  autoscale: [int('min', 32), int('max', 32), int('cpu-percent', 32), str('cpu'), str('memory'), str('name')],
  run: [
    str('image'), str('restart'), bool('stdin', 'i'), bool('tty', 't'), bool('rm'), bool('command'), str('labels', 'l'),
    str('env', undefined, true), str('port'), str('image-pull-policy'), bool('attach'), bool('quiet', 'q'),
  ],
  get: VIEW_FLAGS,
  describe: VIEW_FLAGS,
  top: VIEW_FLAGS,
  logs: LOGS_FLAGS,
  patch: PATCH_FLAGS,
  set: SET_FLAGS,
  rollout: ROLLOUT_FLAGS,
  version: [bool('client'), str('output', 'o')],
  'api-resources': [str('output', 'o'), bool('no-headers'), str('api-group'), bool('namespaced'), str('verbs', undefined, true), str('sort-by'), bool('cached')],
  'api-versions': [],
  edit: [str('output', 'o'), str('filename', 'f', true), bool('windows-line-endings'), bool('save-config'), str('validate'), bool('record'), str('subresource'), str('field-manager')],
};

const EDIT_MESSAGE =
  // i18n-exempt: the English twin of the cmd.kubectl.edit Message, passed to fail() together
  'error: "kubectl edit" opens a text editor, which the playground console cannot do (it is not interactive here). Change the object with ' +
  '"kubectl patch hpa NAME -p \'{"spec":{"maxReplicas":8}}\'", "kubectl scale", "kubectl set resources", or edit the manifest in the scenario and run "kubectl apply -f -"';

/** Global flags that take a value, so that `kubectl -n x get pods` finds "get" as the command. */
const GLOBAL_WITH_VALUE = new Set(KUBECTL_GLOBAL_FLAGS.filter((f) => f.kind !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

function splitCommand(words: readonly string[]): { verb: string | undefined; rest: string[] } {
  const leading: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-') && w !== '--') {
      leading.push(w);
      if (GLOBAL_WITH_VALUE.has(w) && i + 1 < words.length) leading.push(words[++i]);
      continue;
    }
    return { verb: w === '--' ? undefined : w, rest: [...leading, ...words.slice(i + 1)] };
  }
  return { verb: undefined, rest: leading };
}

function unknownCommand(verb: string): string {
  const near = suggestions(verb, KUBECTL_COMMANDS);
  const hint = near.length > 0 ? `\n\nDid you mean this?\n${near.map((n) => `\t${n}`).join('\n')}` : '';
  return `error: unknown command "${verb}" for "kubectl"${hint}`;
}

function withUsage(error: string, verb: string): string {
  return `error: ${error}\nSee 'kubectl ${verb} --help' for usage.`;
}

function namespaceOf(flags: ParsedFlags): string {
  return flagValue(flags, 'namespace') ?? 'default';
}

/** kubectl's own argument checks for each command, then the Command it stands for. */
export function parseKubectl(words: readonly string[], line: string, options: ParseOptions): ParseResult {
  const { verb, rest } = splitCommand(words);
  if (verb === undefined) {
    const supported = SUPPORTED_KUBECTL.join(', ');
    return fail(`error: kubectl needs a command, e.g. "kubectl get pods" (supported: ${supported})`, msg('cmd.kubectl.needsCommand', { supported }));
  }
  const specs = ownEntry(FLAGS, verb);
  if (!specs) {
    if ((KUBECTL_COMMANDS as readonly string[]).includes(verb)) {
      const supported = SUPPORTED_KUBECTL.join(', ');
      return fail(`error: "kubectl ${verb}" is not simulated in the playground; supported commands: ${supported}`, msg('cmd.kubectl.notSimulated', { verb, supported }));
    }
    return fail(unknownCommand(verb));
  }
  const parsed = parseFlags(rest, [...KUBECTL_GLOBAL_FLAGS, ...specs]);
  if (!parsed.ok) return fail(withUsage(parsed.error, verb));
  const flags = parsed.flags;
  if (flags.afterDashes !== undefined && verb !== 'run') pushAll(flags.args, flags.afterDashes);
  const namespace = namespaceOf(flags);
  switch (verb) {
    case 'scale':
      return parseScale(flags, namespace);
    case 'apply':
      return parseApply(flags, options);
    case 'delete':
      return parseDelete(flags, namespace, options);
    case 'cordon':
    case 'uncordon':
      return parseNodes(verb, flags, (node) => ({ type: verb, node }));
    case 'drain':
      return parseNodes('drain', flags, (node) => ({
        type: 'drain',
        node,
        ignoreDaemonsets: flagBool(flags, 'ignore-daemonsets'),
        deleteEmptyDirData: flagBool(flags, 'delete-emptydir-data') || flagBool(flags, 'delete-local-data'),
        force: flagBool(flags, 'force'),
      }));
    case 'autoscale':
      return parseAutoscale(flags, namespace);
    case 'run':
      return parseRun(flags);
    case 'logs':
      return parseLogs(flags, line, viewArgs(verb, flags));
    case 'patch':
      return parsePatch(flags, namespace);
    case 'set':
      return parseSet(flags, namespace);
    case 'rollout':
      return parseRollout(flags, namespace, line, () => viewArgs(verb, flags));
    case 'edit':
      return fail(EDIT_MESSAGE, msg('cmd.kubectl.edit'));
    default:
      return ok({ type: 'view', line, args: viewArgs(verb, flags) });
  }
}

/** Positional arguments first, then flags as --name=value: the shape the engine's view commands read. */
function viewArgs(verb: string, flags: ParsedFlags): string[] {
  const out = ['kubectl', verb, ...flags.args];
  for (const [name, values] of flags.values) {
    for (const v of values) out.push(name === 'output' ? `-o=${v}` : `--${name}=${v}`);
  }
  return out;
}

function parseScale(flags: ParsedFlags, namespace: string): ParseResult {
  const replicas = flagInt(flags, 'replicas');
  if (replicas === undefined) return fail('error: required flag(s) "replicas" not set');
  if (replicas < 0) return fail('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  // kubectl's flag is a Go int, but a replica count is an int32 in the API.
  if (replicas > INT32_MAX) {
    const why = msg('commandCheck.replicasInt32', { setting: `--replicas=${replicas}`, max: String(INT32_MAX) });
    return fail(`error: ${commandCheckEnglish(why)}`, msg('cmd.error', { error: why }));
  }
  const refs = resourceRefs(flags.args);
  if (!refs.ok) return fail(refs.error);
  return ok(...refs.refs.map((r): Command => ({ type: 'scale', kind: r.type, name: r.name, namespace, replicas })));
}

function parseDelete(flags: ParsedFlags, namespace: string, options: ParseOptions): ParseResult {
  const files = flags.values.get('filename') ?? [];
  if (files.length > 0) {
    if (flags.args.length > 0) return fail('error: resource(s) were provided, but no name was specified');
    return parseDeleteFiles(files, namespace, options);
  }
  if (flags.args.length === 0) return fail(NO_RESOURCES);
  const refs = resourceRefs(flags.args);
  if (!refs.ok) return fail(refs.error);
  return ok(...refs.refs.map((r): Command => ({ type: 'delete', kind: r.type, name: r.name, namespace })));
}

function parseNodes(verb: 'cordon' | 'uncordon' | 'drain', flags: ParsedFlags, make: (node: string) => Command): ParseResult {
  if (flags.args.length === 0) return fail(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  const nodes = flags.args.map((a) => a.replace(/^(node|nodes|no)\//, ''));
  return ok(...nodes.map(make));
}

function parseAutoscale(flags: ParsedFlags, namespace: string): ParseResult {
  const refs = resourceRefs(flags.args);
  if (!refs.ok) return fail(refs.error);
  if (refs.refs.length > 1) return fail('error: the playground autoscales one resource per command', msg('cmd.kubectl.autoscaleOne'));
  const [ref] = refs.refs;
  if (!['deployment', 'deployments', 'deploy', 'replicaset', 'replicasets', 'rs', 'statefulset', 'statefulsets', 'sts', 'replicationcontroller', 'rc'].includes(ref.type)) {
    return fail(`error: cannot autoscale a ${ref.type}: only Deployments, ReplicaSets, StatefulSets and ReplicationControllers have a scale subresource`);
  }
  const max = flagInt(flags, 'max') ?? -1;
  const min = flagInt(flags, 'min');
  if (max < 1) return fail(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (min !== undefined && max < min) return fail(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  if (flagValue(flags, 'memory') !== undefined) return fail("error: --memory targets are not simulated by the playground's autoscale command; apply an autoscaling/v2 HorizontalPodAutoscaler manifest instead", msg('cmd.kubectl.autoscaleMemory'));
  let cpuPercent = flagInt(flags, 'cpu-percent');
  const cpu = flagValue(flags, 'cpu');
  if (cpu !== undefined) {
    if (cpuPercent !== undefined) return fail('error: --cpu-percent and --cpu cannot be used together (--cpu-percent is deprecated; use --cpu=N%)');
    const m = /^(\d+)%$/.exec(cpu);
    if (!m) {
      return fail(
        `error: --cpu=${cpu}: the playground's autoscale command takes a utilization such as --cpu=50%; for an average value target apply an autoscaling/v2 HorizontalPodAutoscaler manifest`,
        msg('cmd.kubectl.autoscaleCpu', { cpu }),
      );
    }
    cpuPercent = Number(m[1]);
  }
  if (cpuPercent !== undefined && cpuPercent < 0) cpuPercent = undefined;
  const command: Command = { type: 'autoscale', kind: ref.type, name: ref.name, namespace, max };
  if (min !== undefined && min >= 0) command.min = min;
  if (cpuPercent !== undefined) command.cpuPercent = cpuPercent;
  if (cpu !== undefined && cpuPercent !== undefined) command.cpuFlag = true;
  const hpaName = flagValue(flags, 'name');
  if (hpaName !== undefined) command.hpaName = hpaName;
  return ok(command);
}
