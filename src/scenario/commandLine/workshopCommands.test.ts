import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../commandLine';

const cmd = (line: string) => {
  const r = parseCommandLine(line);
  if (!r.ok) throw new Error(`expected ok: ${r.error}`);
  return r.command;
};
const all = (line: string) => {
  const r = parseCommandLine(line);
  if (!r.ok) throw new Error(`expected ok: ${r.error}`);
  return r.commands;
};
const err = (line: string) => {
  const r = parseCommandLine(line);
  if (r.ok) throw new Error(`expected an error for ${line}`);
  return r.error;
};

describe('kubectl get with several types', () => {
  it('keeps the comma list as one positional for the engine', () => {
    expect(cmd('kubectl get pods,deployments,hpa')).toEqual({ type: 'view', line: 'kubectl get pods,deployments,hpa', args: ['kubectl', 'get', 'pods,deployments,hpa'] });
    expect(cmd('kubectl get scaledobject,hpa,pod -n keda-demo')).toMatchObject({ args: ['kubectl', 'get', 'scaledobject,hpa,pod', '--namespace=keda-demo'] });
    expect(cmd('kubectl get pods -l app=php-apache -w')).toMatchObject({ args: ['kubectl', 'get', 'pods', '--selector=app=php-apache', '--watch=true'] });
    expect(cmd('kubectl get events --sort-by=.lastTimestamp --field-selector involvedObject.kind=Node')).toMatchObject({
      args: ['kubectl', 'get', 'events', '--sort-by=.lastTimestamp', '--field-selector=involvedObject.kind=Node'],
    });
    expect(cmd('kubectl top pods --containers')).toMatchObject({ args: ['kubectl', 'top', 'pods', '--containers=true'] });
  });
});

describe('kubectl logs', () => {
  it('the seed and workshop forms', () => {
    expect(cmd('kubectl logs -f deployment/cluster-autoscaler -n kube-system')).toEqual({
      type: 'view',
      line: 'kubectl logs -f deployment/cluster-autoscaler -n kube-system',
      args: ['kubectl', 'logs', 'deployment/cluster-autoscaler', '--follow=true', '--namespace=kube-system'],
    });
    expect(cmd('kubectl logs -n karpenter deploy/karpenter --tail=20')).toMatchObject({ args: ['kubectl', 'logs', 'deploy/karpenter', '--namespace=karpenter', '--tail=20'] });
    expect(cmd('kubectl logs -n karpenter -l app.kubernetes.io/name=karpenter -c controller')).toMatchObject({ args: ['kubectl', 'logs', '--namespace=karpenter', '--selector=app.kubernetes.io/name=karpenter', '--container=controller'] });
    expect(cmd('kubectl logs -n keda deploy/keda-operator --since=5m')).toMatchObject({ type: 'view' });
  });
  it("errors as kubectl words them", () => {
    expect(err('kubectl logs')).toMatch(/^error: expected 'logs \[-f\] \[-p\] \(POD \| TYPE\/NAME\) \[-c CONTAINER\]'\.\nPOD or TYPE\/NAME is a required argument for the logs command/);
    expect(err('kubectl logs deploy/x --since=5x')).toBe('error: invalid argument "5x" for "--since" flag: time: unknown unit "x" in duration "5x"\nSee \'kubectl logs --help\' for usage.');
    expect(err('kubectl logs deploy/x --since=5m --since-time=2024-01-01T00:00:00Z')).toBe('error: at most one of `sinceTime` or `sinceSeconds` may be specified');
    expect(err('kubectl logs deploy/x -l app=x')).toBe('error: only one of a selector or a resource name can be specified');
    expect(err('kubectl logs deploy/x --tail=abc')).toContain('invalid argument "abc" for "--tail" flag');
    expect(err('kubectl logs deploy/x --folow')).toBe("error: unknown flag: --folow\nSee 'kubectl logs --help' for usage.");
  });
});

describe('kubectl patch and edit', () => {
  it('HPA bounds and CPU target become setHpaBounds, in every patch type', () => {
    expect(cmd(`kubectl patch hpa php-apache -p '{"spec":{"minReplicas":2,"maxReplicas":8}}'`)).toEqual({ type: 'setHpaBounds', name: 'php-apache', namespace: 'default', min: 2, max: 8 });
    expect(cmd(`kubectl patch hpa/php-apache --type=merge -p '{"spec":{"maxReplicas":8}}' -n web`)).toEqual({ type: 'setHpaBounds', name: 'php-apache', namespace: 'web', max: 8 });
    expect(cmd(`kubectl patch hpa php-apache --type merge --patch 'spec: {minReplicas: 3}'`)).toEqual({ type: 'setHpaBounds', name: 'php-apache', namespace: 'default', min: 3 });
    const target = `kubectl patch hpa php-apache --type=merge -p '{"spec":{"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":70}}}]}}'`;
    expect(cmd(target)).toEqual({ type: 'setHpaBounds', name: 'php-apache', namespace: 'default', targetCpu: 70 });
    expect(cmd(`kubectl patch hpa php-apache --type=json -p '[{"op":"replace","path":"/spec/maxReplicas","value":12},{"op":"replace","path":"/spec/metrics/0/resource/target/averageUtilization","value":60}]'`)).toEqual({
      type: 'setHpaBounds', name: 'php-apache', namespace: 'default', max: 12, targetCpu: 60,
    });
  });
  it("reads back the text the UI's sliders record, as the same command", () => {
    for (const c of [
      { type: 'setHpaBounds', name: 'php-apache', namespace: 'default', min: 3 },
      { type: 'setHpaBounds', name: 'php-apache', namespace: 'default', max: 9 },
      { type: 'setHpaBounds', name: 'php-apache', namespace: 'default', targetCpu: 40 },
    ]) {
      const spec: Record<string, unknown> = {};
      if ('min' in c) spec.minReplicas = c.min;
      if ('max' in c) spec.maxReplicas = c.max;
      if ('targetCpu' in c) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: c.targetCpu } } }];
      const line = `kubectl patch hpa php-apache --type=merge -p '${JSON.stringify({ spec })}'`;
      expect(JSON.stringify(cmd(line))).toBe(JSON.stringify(c));
    }
  });
  it('errors', () => {
    expect(err('kubectl patch hpa x')).toBe('error: must specify --patch or --patch-file containing the contents of the patch');
    expect(err(`kubectl patch hpa x -p '{"spec":'`)).toMatch(/^error: unable to parse "\{"spec":": yaml: /);
    expect(err(`kubectl patch hpa x -p '{"spec":{"minReplicas":"two"}}'`)).toContain('cannot unmarshal string into Go struct field HorizontalPodAutoscalerSpec.spec.minReplicas of type int32');
    expect(err(`kubectl patch hpa x -p '{"spec":{"behavior":{}}}'`)).toContain('spec.behavior cannot be patched here');
    expect(err(`kubectl patch deployment x -p '{"spec":{"replicas":3}}'`)).toContain('patching deployment is not simulated');
    expect(err(`kubectl patch hpa x --type=yaml -p '{}'`)).toBe('error: --type must be one of [json merge strategic], not "yaml"');
    expect(err(`kubectl patch -p '{"spec":{}}'`)).toBe('error: You must provide one or more resources by argument or filename.');
  });
  it('edit says it is not interactive here', () => {
    expect(err('kubectl edit hpa php-apache')).toMatch(/^error: "kubectl edit" opens a text editor, which the playground console cannot do \(it is not interactive here\)/);
  });
});

describe('kubectl set resources', () => {
  it('the workshop form, with -c= and without', () => {
    expect(cmd('kubectl set resources deployment php-apache -c=php-apache --requests=cpu=200m,memory=256Mi --limits=cpu=500m')).toEqual({
      type: 'setResources', kind: 'deployment', name: 'php-apache', namespace: 'default', container: 'php-apache', requests: { cpuMillis: 200, memoryMiB: 256 }, limits: { cpuMillis: 500 },
    });
    expect(cmd('kubectl set resources deploy/web --limits=memory=1Gi -n prod')).toEqual({ type: 'setResources', kind: 'deploy', name: 'web', namespace: 'prod', container: '*', requests: {}, limits: { memoryMiB: 1024 } });
    expect(all('kubectl set resources deployment a b --requests=cpu=1')).toHaveLength(2);
  });
  it('errors', () => {
    expect(err('kubectl set resources deployment web')).toBe('error: you must specify an update to requests or limits (in the form of --requests/--limits)');
    expect(err('kubectl set resources deployment web --requests=cpu=lots')).toBe("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(err('kubectl set resources deployment web --requests=cpu')).toBe('error: Invalid argument syntax cpu, expected <resource>=<value>');
    expect(err('kubectl set resources deployment web --limits=nvidia.com/gpu=1')).toContain('cpu and memory only');
    expect(err('kubectl set resources --requests=cpu=1')).toBe('error: You must provide one or more resources by argument or filename.');
    expect(err('kubectl set image deployment/web web=nginx:2')).toMatch(/"kubectl set image" is not simulated/);
    expect(err('kubectl set')).toMatch(/needs a subcommand/);
  });
});

describe('kubectl rollout', () => {
  it('status is a view, restart a command per object', () => {
    expect(cmd('kubectl rollout status deployment/php-apache')).toEqual({ type: 'view', line: 'kubectl rollout status deployment/php-apache', args: ['kubectl', 'rollout', 'status', 'deployment/php-apache'] });
    expect(all('kubectl rollout restart deployment/a deployment/b -n x')).toEqual([
      { type: 'rolloutRestart', kind: 'deployment', name: 'a', namespace: 'x' },
      { type: 'rolloutRestart', kind: 'deployment', name: 'b', namespace: 'x' },
    ]);
  });
  it('errors', () => {
    expect(err('kubectl rollout status')).toBe('error: required resource not specified');
    expect(err('kubectl rollout undo deployment/x')).toMatch(/"kubectl rollout undo" is not simulated/);
    expect(err('kubectl rollout sideways deployment/x')).toBe('error: unknown command "sideways" for "kubectl rollout"');
    expect(err('kubectl rollout restart deployment')).toBe('error: resource(s) were provided, but no name was specified');
  });
});

describe('krr', () => {
  it('krr simple and python krr.py simple are the same view', () => {
    expect(cmd('krr simple')).toEqual({ type: 'view', line: 'krr simple', args: ['krr', 'simple'] });
    expect(cmd('python krr.py simple -n default --cpu_percentile 99')).toEqual({ type: 'view', line: 'python krr.py simple -n default --cpu_percentile 99', args: ['krr', 'simple', '--namespace=default', '--cpu_percentile=99'] });
    expect(cmd('python3 ./krr.py simple -p http://prometheus:9090 -q')).toMatchObject({ args: ['krr', 'simple', '--prometheus-url=http://prometheus:9090', '--quiet=true'] });
  });
  it("errors in typer's words", () => {
    expect(err('krr')).toBe("Usage: krr [OPTIONS] COMMAND [ARGS]...\nTry 'krr --help' for help.\n\nError: Missing command.");
    expect(err('krr complex')).toContain("Error: No such command 'complex'.");
    expect(err('krr simple --frobnicate')).toBe("Usage: krr simple [OPTIONS]\nTry 'krr simple --help' for help.\n\nError: No such option: --frobnicate");
    expect(err('krr simple -f json')).toContain('table formatter only');
    expect(err('python manage.py runserver')).toMatch(/no Python scripts other than KRR/);
  });
});

describe('aws ec2', () => {
  it('terminate-instances and the spot interruption extension', () => {
    expect(cmd('aws ec2 terminate-instances --instance-ids i-0abc12345678901de i-00000000000000003')).toEqual({ type: 'terminateInstances', instanceIds: ['i-0abc12345678901de', 'i-00000000000000003'] });
    expect(cmd('aws --region ap-northeast-2 ec2 terminate-instances --instance-ids=i-1,i-2 --output json')).toEqual({ type: 'terminateInstances', instanceIds: ['i-1', 'i-2'] });
    expect(cmd('aws ec2 send-spot-instance-interruptions --instance-ids i-00000000000000003')).toEqual({ type: 'sendSpotInterruption', instanceIds: ['i-00000000000000003'] });
    expect(cmd('aws ec2 send-spot-interruption --instance-id i-00000000000000003')).toEqual({ type: 'sendSpotInterruption', instanceIds: ['i-00000000000000003'] });
  });
  it('errors', () => {
    expect(err('aws ec2 terminate-instances')).toBe('aws: error: the following arguments are required: --instance-ids');
    expect(err('aws ec2 terminate-instances --instance-ids')).toBe('aws: error: argument --instance-ids: expected at least one argument');
    expect(err('aws ec2 terminate-instance --instance-ids i-1')).toContain('maybe you meant:\n\n  * terminate-instances');
    expect(err('aws ec2 describe-instances')).toMatch(/not simulated/);
    expect(err('aws ec2 terminate-instances --instance-ids i-1 --colour red')).toBe('Unknown options: --colour, red');
  });
});

describe('playground failure injection (what the UI buttons record)', () => {
  it('fault and interrupt-spot read back as the UI issued them', () => {
    expect(JSON.stringify(cmd('playground fault node/ip-1'))).toBe(JSON.stringify({ type: 'killNode', node: 'ip-1' }));
    expect(JSON.stringify(cmd('playground interrupt-spot node/ip-1'))).toBe(JSON.stringify({ type: 'interruptSpot', node: 'ip-1' }));
    expect(cmd('playground fault ip-2')).toEqual({ type: 'killNode', node: 'ip-2' });
  });
  it('errors', () => {
    // fault takes node/, zone/, metrics-server or capacity/ targets, so the error lists them all
    expect(err('playground fault')).toMatch(/takes one target\nusage: playground fault node\/NAME/);
    expect(err('playground fault a b')).toMatch(/takes one target/);
    expect(err('playground fault a b')).toMatch(/playground fault zone\/ZONE/);
    expect(err('playground dance')).toMatch(/unknown playground command "dance"/);
    expect(err('playground load web --rps=3')).toMatch(/Load slider/);
  });
});
