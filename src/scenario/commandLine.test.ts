import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './commandLine';

const cmd = (line: string, stdin?: string) => {
  const r = parseCommandLine(line, stdin === undefined ? {} : { stdin });
  if (!r.ok) throw new Error(`expected ok: ${r.error}`);
  return r.command;
};
const err = (line: string) => {
  const r = parseCommandLine(line);
  if (r.ok) throw new Error(`expected an error for ${line}`);
  return r.error;
};

describe('kubectl scale', () => {
  const scaled = { type: 'scale', kind: 'deployment', name: 'x', namespace: 'default', replicas: 15 };
  it.each([
    'kubectl scale --replicas=15 deployment/x',
    'kubectl scale deployment x --replicas 15',
    'kubectl scale deploy/x --replicas=15',
    'kubectl scale deployment.apps/x --replicas=15',
    '$ kubectl scale --replicas=15 deployment/x',
  ])('%s', (line) => {
    expect(cmd(line)).toEqual(line.includes('deploy/') ? { ...scaled, kind: 'deploy' } : scaled);
  });
  it('-n sets the namespace, before or after the command', () => {
    expect(cmd('kubectl scale -n web --replicas=2 deployment/x')).toMatchObject({ namespace: 'web', replicas: 2 });
    expect(cmd('kubectl -n web scale --replicas=2 deployment/x')).toMatchObject({ namespace: 'web' });
    expect(cmd('kubectl scale --namespace=web --replicas=2 deployment/x')).toMatchObject({ namespace: 'web' });
  });
  it('several names give several commands', () => {
    const r = parseCommandLine('kubectl scale deployment a b --replicas=3');
    expect(r.ok && r.commands.map((c) => (c.type === 'scale' ? c.name : ''))).toEqual(['a', 'b']);
  });
  it('errors as kubectl words them', () => {
    expect(err('kubectl scale deployment/x')).toBe('error: required flag(s) "replicas" not set');
    expect(err('kubectl scale --replicas=-1 deployment/x')).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    expect(err('kubectl scale --replica=15 deployment/x')).toBe("error: unknown flag: --replica\nSee 'kubectl scale --help' for usage.");
    expect(err('kubectl scale --replicas=abc deployment/x')).toContain('invalid argument "abc" for "--replicas" flag');
    expect(err('kubectl scale --replicas=3')).toBe('error: You must provide one or more resources by argument or filename.');
    expect(err('kubectl scale deployment --replicas=3')).toBe('error: resource(s) were provided, but no name was specified');
    expect(err('kubectl scale -x deployment/x')).toContain("unknown shorthand flag: 'x' in -x");
  });
});

describe('unknown commands', () => {
  it('suggest the closest kubectl command', () => {
    expect(err('kubectl sclae --replicas=1 deployment/x')).toBe('error: unknown command "sclae" for "kubectl"\n\nDid you mean this?\n\tscale');
    expect(err('kubectl aply -f -')).toContain('\tapply');
  });
  it('say when a real command is not simulated', () => {
    expect(err('kubectl exec php-apache -- ls')).toMatch(/^error: "kubectl exec" is not simulated/);
  });
  it('only kubectl and aws', () => {
    expect(err('kubeclt get pods')).toContain('(did you mean "kubectl"?)');
    expect(err('')).toBe('error: empty command');
    expect(err('kubectl')).toMatch(/^error: kubectl needs a command/);
  });
});

describe('kubectl apply and delete', () => {
  const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n';
  it('apply -f - reads stdin', () => {
    expect(cmd('kubectl apply -f -', manifest)).toEqual({ type: 'apply', manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }] });
  });
  it('apply takes parsed documents too, and flattens a List', () => {
    const r = parseCommandLine('kubectl apply -f x.yaml', { stdin: [{ kind: 'List', items: [{ kind: 'Pod' }] }] });
    expect(r.ok && r.command).toEqual({ type: 'apply', manifests: [{ kind: 'Pod' }] });
  });
  it('apply without input says why', () => {
    expect(err('kubectl apply')).toBe('error: must specify one of -f and -k');
    expect(err('kubectl apply -f php-apache.yaml')).toBe('error: the path "php-apache.yaml" does not exist');
    expect(err('kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml')).toContain('metrics-server is already running');
    expect(parseCommandLine('kubectl apply -f -', { stdin: 'a: [' }).ok).toBe(false);
  });
  it('delete by type and name, type/name, and from a file', () => {
    expect(cmd('kubectl delete deployment nginx-to-scaleout')).toEqual({ type: 'delete', kind: 'deployment', name: 'nginx-to-scaleout', namespace: 'default' });
    expect(cmd('kubectl delete pod load-generator')).toEqual({ type: 'delete', kind: 'pod', name: 'load-generator', namespace: 'default' });
    expect(cmd('kubectl delete hpa/php-apache -n web')).toEqual({ type: 'delete', kind: 'hpa', name: 'php-apache', namespace: 'web' });
    const r = parseCommandLine('kubectl delete -f -', { stdin: manifest });
    expect(r.ok && r.commands).toEqual([
      { type: 'delete', kind: 'configmap', name: 'c', namespace: 'default' },
      { type: 'delete', kind: 'service', name: 's', namespace: 'default' },
    ]);
  });
  it('delete errors', () => {
    expect(err('kubectl delete')).toBe('error: You must provide one or more resources by argument or filename.');
    expect(err('kubectl delete deployment')).toBe('error: resource(s) were provided, but no name was specified');
    expect(err('kubectl delete , web')).toBe('error: the server doesn\'t have a resource type ""');
    expect(err('kubectl scale ,, web --replicas=2')).toBe('error: the server doesn\'t have a resource type ""');
    // A type list with an empty entry beside a real one ("deployment,"): kubectl rewrites it to
    // "deployment/web /web" and refuses the empty type; it is no plain "deployment web".
    expect(err('kubectl delete deployment, web')).toBe('error: arguments in resource/name form must have a single resource and name');
    expect(err('kubectl scale ,deploy web --replicas=2')).toBe('error: arguments in resource/name form must have a single resource and name');
    // Repeated types are one type, as kubectl's SplitResourceArgument drops repeats.
    expect(parseCommandLine('kubectl delete deployment,deployment web')).toMatchObject({ ok: true, commands: [{ type: 'delete', kind: 'deployment', name: 'web', namespace: 'default' }] });
  });
});

describe('node commands', () => {
  it('cordon, uncordon, drain', () => {
    expect(cmd('kubectl cordon ip-192-168-1-10')).toEqual({ type: 'cordon', node: 'ip-192-168-1-10' });
    expect(cmd('kubectl uncordon node/ip-1')).toEqual({ type: 'uncordon', node: 'ip-1' });
    expect(cmd('kubectl drain ip-1 --ignore-daemonsets --delete-emptydir-data')).toEqual({ type: 'drain', node: 'ip-1', ignoreDaemonsets: true, deleteEmptyDirData: true, force: false });
    expect(cmd('kubectl drain ip-1 --ignore-daemonsets --delete-local-data --force')).toEqual({ type: 'drain', node: 'ip-1', ignoreDaemonsets: true, deleteEmptyDirData: true, force: true });
    expect(cmd('kubectl drain ip-1')).toMatchObject({ ignoreDaemonsets: false });
  });
  it('need a node', () => {
    expect(err('kubectl cordon')).toMatch(/^error: USAGE: cordon NODE \[flags\]/);
    expect(err('kubectl drain --force')).toMatch(/^error: USAGE: drain NODE/);
  });
});

describe('kubectl autoscale', () => {
  it('the seed form and the newer --cpu form', () => {
    const want = { type: 'autoscale', kind: 'deployment', name: 'php-apache', namespace: 'default', cpuPercent: 50, min: 1, max: 10 };
    expect(cmd('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10')).toEqual(want);
    expect(cmd('kubectl autoscale deployment/php-apache --cpu=50% --min=1 --max=10')).toEqual({ ...want, cpuFlag: true });
    expect(cmd('kubectl autoscale deploy php-apache --max=5 --name=web-hpa')).toEqual({ type: 'autoscale', kind: 'deploy', name: 'php-apache', namespace: 'default', max: 5, hpaName: 'web-hpa' });
  });
  it('errors as kubectl words them', () => {
    expect(err('kubectl autoscale deployment php-apache --cpu-percent=50')).toBe('error: --max=MAXPODS is required and must be at least 1, max: -1');
    expect(err('kubectl autoscale deployment php-apache --min=5 --max=2')).toBe('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 5');
    expect(err('kubectl autoscale deployment php-apache --max=2 --cpu=500m')).toContain('--cpu=500m');
    expect(err('kubectl autoscale service php-apache --max=2')).toMatch(/^error: cannot autoscale a service/);
  });
});

describe('kubectl run', () => {
  it('the seed load generator', () => {
    expect(cmd('kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"')).toEqual({
      type: 'runLoadGenerator', podName: 'load-generator', image: 'busybox:1.28', target: 'php-apache', thinkTimeMs: 10,
    });
  });
  it('the walkthrough form with -i --tty --rm and a qualified host', () => {
    expect(cmd("kubectl run -i --tty load-generator --rm --image=busybox:1.28 --restart=Never -- /bin/sh -c 'while true; do wget -q -O- http://php-apache.default.svc.cluster.local:80/; sleep 0.5; done'")).toMatchObject({ target: 'php-apache', thinkTimeMs: 500 });
    expect(cmd('kubectl run -it lg --image=curlimages/curl -- sh -c "while true; do curl -s web; done"')).toMatchObject({ target: 'web', thinkTimeMs: 0 });
  });
  it('errors', () => {
    expect(err('kubectl run --image=busybox')).toMatch(/^error: NAME is required for run/);
    expect(err('kubectl run x')).toMatch(/^error: --image is required/);
    expect(err('kubectl run x --image=nginx')).toMatch(/load generators only/);
    expect(err('kubectl run x --image=nginx --restart=Sometimes -- sh')).toBe('error: invalid restart policy: Sometimes');
  });
});

describe('views', () => {
  it('get, describe and top become view commands with normalised args', () => {
    expect(cmd('kubectl get hpa php-apache --watch')).toEqual({ type: 'view', line: 'kubectl get hpa php-apache --watch', args: ['kubectl', 'get', 'hpa', 'php-apache', '--watch=true'] });
    expect(cmd('kubectl get pods -o wide -n default')).toMatchObject({ args: ['kubectl', 'get', 'pods', '-o=wide', '--namespace=default'] });
    expect(cmd('kubectl describe deploy php-apache')).toMatchObject({ args: ['kubectl', 'describe', 'deploy', 'php-apache'] });
    expect(cmd('kubectl top nodes')).toMatchObject({ type: 'view', args: ['kubectl', 'top', 'nodes'] });
    expect(err('kubectl get pods --wat')).toContain('unknown flag: --wat');
  });
});

describe('aws autoscaling', () => {
  it('update-auto-scaling-group', () => {
    expect(cmd('aws autoscaling update-auto-scaling-group --auto-scaling-group-name ng1 --min-size 3 --desired-capacity 3 --max-size 6')).toEqual({ type: 'updateAsg', name: 'ng1', minSize: 3, maxSize: 6, desiredCapacity: 3 });
    expect(cmd('aws --region ap-northeast-2 autoscaling update-auto-scaling-group --auto-scaling-group-name=ng1 --max-size=9')).toEqual({ type: 'updateAsg', name: 'ng1', maxSize: 9 });
    expect(cmd('aws autoscaling set-desired-capacity --auto-scaling-group-name ng1 --desired-capacity 4')).toEqual({ type: 'updateAsg', name: 'ng1', desiredCapacity: 4 });
  });
  it('describe-auto-scaling-groups is a view', () => {
    expect(cmd('aws autoscaling describe-auto-scaling-groups --output table')).toEqual({ type: 'view', line: 'aws autoscaling describe-auto-scaling-groups --output table', args: ['aws', 'autoscaling', 'describe-auto-scaling-groups'] });
  });
  it('errors as the AWS CLI words them', () => {
    expect(err('aws autoscaling update-auto-scaling-group --min-size 1')).toBe('aws: error: the following arguments are required: --auto-scaling-group-name');
    expect(err('aws autoscaling update-auto-scaling-group --auto-scaling-group-name ng1 --min-sizes 1')).toBe('Unknown options: --min-sizes, 1');
    expect(err('aws autoscaling update-auto-scaling-grup --auto-scaling-group-name ng1')).toContain('maybe you meant:\n\n  * update-auto-scaling-group');
    expect(err('aws autoscaling update-auto-scaling-group --auto-scaling-group-name ng1 --min-size x')).toBe("aws: error: argument --min-size: invalid int value: 'x'");
    expect(err('aws s4 ls')).toContain("Invalid choice: 's4'");
  });
});

describe("kubectl's global -v", () => {
  // klog's Level parses with strconv.ParseInt(value, 10, 32); pflag names the flag "-v, --v".
  it('takes an int32 and says so as kubectl does', () => {
    expect(parseCommandLine('kubectl get pods -v=4').ok).toBe(true);
    expect(err('kubectl get pods --v=abc')).toBe(`error: invalid argument "abc" for "-v, --v" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee 'kubectl get --help' for usage.`);
    expect(err('kubectl logs deploy/karpenter -valueOf')).toContain(`invalid argument "alueOf" for "-v, --v" flag`);
    expect(err('kubectl get pods --v=99999999999')).toContain('value out of range');
  });
});

describe("names that are Object.prototype's keys", () => {
  // Found by the never-throws properties: the tables of verbs and operations were plain objects, so
  // "toString" or "valueOf" found a prototype function and the parser crashed on it.
  it('are unknown commands and operations, as the real tools say', () => {
    expect(err('kubectl toString')).toBe('error: unknown command "toString" for "kubectl"');
    expect(err('kubectl hasOwnProperty x')).toBe('error: unknown command "hasOwnProperty" for "kubectl"');
    expect(err('aws autoscaling valueOf')).toContain('aws: error: argument operation: Invalid choice');
    expect(err('aws ec2 constructor')).toContain('aws: error: argument operation: Invalid choice');
  });
});

describe('never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseCommandLine(s);
        expect(typeof r.ok).toBe('boolean');
        // parseCommandLine turns a parser crash into this error; a crash is a bug, not an answer.
        if (!r.ok) expect(r.error).not.toContain('could not parse the command');
      }),
      { numRuns: 2000 },
    );
  });
  it('on arbitrary kubectl and aws argument lists', () => {
    const word = fc.oneof(fc.constantFrom('-', '--', '-n', '--replicas', '--max=', '-f', '-', '"', "'", '\\', 'deployment/x', '/', 'sh', '-c', 'while', 'wget', 'http://'), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.constantFrom('kubectl', 'aws autoscaling'), fc.constantFrom('scale', 'apply', 'delete', 'run', 'drain', 'autoscale', 'get', 'top', 'update-auto-scaling-group', 'cordon'), fc.array(word, { maxLength: 10 }), fc.option(fc.string({ maxLength: 40 })), (tool, verb, words, stdin) => {
        const r = parseCommandLine(`${tool} ${verb} ${words.join(' ')}`, stdin === null ? {} : { stdin });
        expect(r.ok ? r.commands.length > 0 : r.error.length > 0).toBe(true);
        if (!r.ok) expect(r.error).not.toContain('could not parse the command');
      }),
      { numRuns: 2000 },
    );
  });
});
