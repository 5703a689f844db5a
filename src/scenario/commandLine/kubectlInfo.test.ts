import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../commandLine';

/** kubectl version/api-resources/api-versions reach the engine as views; their flags are pflag's. */
describe('kubectl version, api-resources and api-versions at the door', () => {
  it('become views carrying their flags', () => {
    const v = parseCommandLine('kubectl version --client -o yaml');
    expect(v.ok && v.command).toEqual({ type: 'view', line: 'kubectl version --client -o yaml', args: ['kubectl', 'version', '--client=true', '-o=yaml'] });
    const r = parseCommandLine('kubectl api-resources --namespaced=false --api-group= -o name');
    expect(r.ok && r.command.type === 'view' && r.command.args).toEqual(['kubectl', 'api-resources', '--namespaced=false', '--api-group=', '-o=name']);
    expect(parseCommandLine('kubectl api-versions').ok).toBe(true);
  });

  it("refuse what kubectl 1.33 refuses, in kubectl's words", () => {
    // --short was removed from kubectl version in 1.28.
    expect(parseCommandLine('kubectl version --short')).toMatchObject({ ok: false, error: "error: unknown flag: --short\nSee 'kubectl version --help' for usage." });
    expect(parseCommandLine('kubectl api-resources --namespaced=maybe')).toMatchObject({
      ok: false,
      error: 'error: invalid argument "maybe" for "--namespaced" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl api-resources --help\' for usage.',
    });
    expect(parseCommandLine('kubectl api-versions -o json')).toMatchObject({ ok: false, error: "error: unknown shorthand flag: 'o' in -o\nSee 'kubectl api-versions --help' for usage." });
  });
});
