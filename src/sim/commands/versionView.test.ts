import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readViewArgs } from './viewArgs';
import { versionView } from './versionView';
import { KUBELET_VERSION } from '../cluster/eksDefaults';

const run = (...args: string[]) => versionView(readViewArgs(args));

/**
 * Sources for the expected text:
 * - kubernetes/kubernetes staging/src/k8s.io/kubectl/pkg/cmd/version/version.go: the three
 *   "X Version: %s" lines, --client, `--output must be 'yaml' or 'json'`, `extra arguments: %v`,
 *   yaml via sigs.k8s.io/yaml, json via json.MarshalIndent(…, "", "  ").
 * - staging/src/k8s.io/apimachinery/pkg/version/types.go (1.33): Info's field order, the emulation
 *   and min-compatibility fields omitempty.
 * - A real EKS 1.33 session: "Client Version: v1.33.5 / Kustomize Version: v5.6.0 / Server
 *   Version: v1.33.5-eks-113cf36"; `kubectl version --client --output=yaml` of v1.33.5 (buildDate
 *   2025-09-09T19:52:31Z, gitCommit 03e764d0…, go1.24.6); 1.33 API servers' /version with
 *   emulationMajor/Minor 1/33 and minCompatibility 1/32.
 */
describe('kubectl version', () => {
  it("prints the client, kustomize and the cluster's server version", () => {
    expect(run()).toEqual({ ok: true, output: `Client Version: v1.33.5\nKustomize Version: v5.6.0\nServer Version: ${KUBELET_VERSION}` });
    expect(run().output).toContain('Server Version: v1.33.5-eks-113cf36');
    expect(run('--client')).toEqual({ ok: true, output: 'Client Version: v1.33.5\nKustomize Version: v5.6.0' });
  });

  it('-o json keeps the Go struct order; the client omits the emulation fields the server sends', () => {
    const text = run('-o', 'json').output;
    const doc = JSON.parse(text) as Record<string, Record<string, string>>;
    expect(Object.keys(doc)).toEqual(['clientVersion', 'kustomizeVersion', 'serverVersion']);
    expect(Object.keys(doc.clientVersion)).toEqual(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
    expect(Object.keys(doc.serverVersion).slice(0, 7)).toEqual(['major', 'minor', 'emulationMajor', 'emulationMinor', 'minCompatibilityMajor', 'minCompatibilityMinor', 'gitVersion']);
    expect(doc.serverVersion).toMatchObject({ major: '1', minor: '33', minCompatibilityMinor: '32', gitVersion: 'v1.33.5-eks-113cf36' });
    expect(text.split('\n')[1]).toBe('  "clientVersion": {');
  });

  it('-o yaml sorts keys as sigs.k8s.io/yaml does and quotes the numeric strings', () => {
    const text = run('--client', '-o', 'yaml').output;
    expect(text).toBe(
      [
        'clientVersion:',
        '  buildDate: "2025-09-09T19:52:31Z"',
        '  compiler: gc',
        '  gitCommit: 03e764d0394bdff662e960c70d25b3c30d731666',
        '  gitTreeState: clean',
        '  gitVersion: v1.33.5',
        '  goVersion: go1.24.6',
        '  major: "1"',
        '  minor: "33"',
        '  platform: linux/amd64',
        'kustomizeVersion: v5.6.0',
      ].join('\n'),
    );
    expect((parseYaml(run('-o', 'yaml').output) as { serverVersion: { gitVersion: string } }).serverVersion.gitVersion).toBe(KUBELET_VERSION);
  });

  it("answers bad input with kubectl's own errors", () => {
    expect(run('-o', 'wide')).toEqual({ ok: false, output: "error: --output must be 'yaml' or 'json'" });
    expect(run('client')).toEqual({ ok: false, output: 'error: extra arguments: [client]' });
  });
});
