import type { CommandResult } from '../core/commands';
import { KUBELET_VERSION } from '../cluster/eksDefaults';
import { sortKeysDeep, toYaml } from './objectOutput';
import { argBool, argValue, type ViewArgs } from './viewArgs';

/**
 * `kubectl version` (staging/src/k8s.io/kubectl/pkg/cmd/version/version.go): the kubectl a person
 * on EKS 1.33 would run (v1.33.5, which bundles kustomize v5.6.0) against the cluster's API server.
 */

/** k8s.io/apimachinery/pkg/version.Info, its fields in struct order: -o json prints them in this order. */
interface VersionInfo {
  major: string;
  minor: string;
  emulationMajor?: string;
  emulationMinor?: string;
  minCompatibilityMajor?: string;
  minCompatibilityMinor?: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** The released kubectl v1.33.5 binary, as `kubectl version --client -o yaml` reports it. */
const CLIENT: VersionInfo = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.5',
  gitCommit: '03e764d0394bdff662e960c70d25b3c30d731666',
  gitTreeState: 'clean',
  buildDate: '2025-09-09T19:52:31Z',
  goVersion: 'go1.24.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export const KUSTOMIZE_VERSION = 'v5.6.0';

/**
 * The control plane: EKS builds its API server and kubelet from the same tag, so the server
 * reports the nodes' version string. From 1.33 the server adds the emulation and compatibility
 * versions (1.33, compatible back to 1.32). EKS does not publish its build's commit and date; the
 * upstream v1.33.5 release's stand in for them.
 */
function serverInfo(): VersionInfo {
  const [major, minor] = KUBELET_VERSION.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    emulationMajor: major,
    emulationMinor: minor,
    minCompatibilityMajor: major,
    minCompatibilityMinor: String(Number(minor) - 1),
    gitVersion: KUBELET_VERSION,
    gitCommit: CLIENT.gitCommit,
    gitTreeState: 'clean',
    buildDate: CLIENT.buildDate,
    goVersion: CLIENT.goVersion,
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function versionView(v: ViewArgs): CommandResult {
  if (v.positional.length > 0) return { ok: false, output: `error: extra arguments: [${v.positional.join(' ')}]` };
  const output = argValue(v, 'output') ?? '';
  if (output !== '' && output !== 'yaml' && output !== 'json') return { ok: false, output: "error: --output must be 'yaml' or 'json'" };
  const clientOnly = argBool(v, 'client');
  const server = clientOnly ? undefined : serverInfo();
  const info = { clientVersion: CLIENT, kustomizeVersion: KUSTOMIZE_VERSION, ...(server ? { serverVersion: server } : {}) };
  // -o yaml goes through sigs.k8s.io/yaml (JSON, then a map: keys sorted); -o json is encoding/json's struct order.
  if (output === 'yaml') return { ok: true, output: toYaml(sortKeysDeep(info)) };
  if (output === 'json') return { ok: true, output: JSON.stringify(info, null, 2) };
  const lines = [`Client Version: ${CLIENT.gitVersion}`, `Kustomize Version: ${KUSTOMIZE_VERSION}`];
  if (server) lines.push(`Server Version: ${server.gitVersion}`);
  return { ok: true, output: lines.join('\n') };
}
