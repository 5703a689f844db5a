import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../commandLine';
import { en, ko } from '../../testing/messages';
import { messageKeys } from '../../sim/core/message';
import { localeTrees } from '../../ui/i18n';

/**
 * The console's own words (not kubectl's, aws's or krr's) come with a Message: the English text
 * stays byte for byte what the parser prints (lessons, the CLI and logs read `error`), and the
 * Korean console shows the same in Korean.
 */
const OWN = [
  'help',
  '# only a comment',
  'kubctl get pods',
  'python other.py',
  'kubectl get pods | grep x',
  'playground',
  'playground load 12',
  'playground reboot node/a',
  'playground fault --bogus node/a',
  'playground fault',
  'playground fault node/a --for=5m',
  'playground interrupt-spot node/',
  'playground fault pods/x',
  'playground fault zone/a --for',
  'playground fault zone/a --for=abc',
  'playground fault zone/a --for=0s',
  'playground fault zone/a --for=25h',
  'playground fault metrics-server/x',
  'playground fault zone/',
  'playground fault capacity/',
  'playground fault zone/a --zone=b',
  'aws s3 ls',
  'aws foo',
  'aws autoscaling zzzzzzzzzzzz',
  'aws autoscaling update-auto-scaling-group --auto-scaling-group-name a --launch-template x',
  'aws ec2 describe-instances',
  'aws ec2 zzzzzzzzzzzz',
  'aws ec2 terminate-instances --instance-ids i-1 --dry-run',
  'krr simple-limit',
  'krr simple -f json',
  'kubectl edit hpa x',
  'kubectl',
  'kubectl port-forward x 80',
  'kubectl autoscale deployment a b --max=3',
  'kubectl autoscale deployment a --max=3 --memory=50%',
  'kubectl autoscale deployment a --max=3 --cpu=500m',
  'kubectl apply -f https://example.com/x.yaml',
  'kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml',
  `kubectl patch hpa x -p '{"spec":{"metrics":[]}}'`,
  `kubectl patch hpa x -p '{"foo":1}'`,
  `kubectl patch hpa x -p '{"spec":{"scaleTargetRef":{}}}'`,
  `kubectl patch hpa x --type=json -p '[{"op":"remove","path":"/spec/minReplicas"}]'`,
  `kubectl patch hpa x --type=json -p '[{"op":"replace","path":"/spec/x","value":1}]'`,
  `kubectl patch deployment x -p '{}'`,
  'kubectl patch hpa x --patch-file p.yaml',
  'kubectl rollout',
  'kubectl rollout undo deployment/x',
  'kubectl run lg --image=busybox',
  'kubectl run lg --image=busybox -- sleep 1',
  "kubectl run lg --image=busybox -- /bin/sh -c 'while true; do wget -q -O-; done'",
  'kubectl set resources deployment x --requests=gpu=1',
  'kubectl set',
  'kubectl set image deployment/x',
  'kubectl set resources --all --requests=cpu=1',
];

const HANGUL = /[\uac00-\ud7a3]/;

describe("the console's own messages", () => {
  it.each(OWN)('%s: English twin equals the English rendering, Korean differs', (line) => {
    const r = parseCommandLine(line);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.msg, r.error).toBeDefined();
    if (!r.msg) return;
    expect(en(r.msg)).toBe(r.error);
    const k = ko(r.msg);
    expect(k).not.toBe(r.error);
    expect(k).toMatch(HANGUL);
    // Nothing left as an untranslated key or a missing parameter.
    expect(k).not.toMatch(/\{\{|\bcmd\./);
  });

  it('every cmd.* key is reached by one of the lines above', () => {
    const used = new Set(OWN.flatMap((line) => {
      const r = parseCommandLine(line);
      return !r.ok && r.msg ? messageKeys(r.msg) : [];
    }));
    const keys = (o: unknown, p: string): string[] => (typeof o === 'string' ? [p] : Object.entries(o as object).flatMap(([k, v]) => keys(v, `${p}.${k}`)));
    const all = keys(localeTrees().en.cmd, 'cmd');
    expect(all.filter((k) => !used.has(k) && k !== 'cmd.crashed')).toEqual([]);
  });

  it("kubectl's and bash's own errors carry no Message (they stay as the real tools print them)", () => {
    for (const line of ['kubectl get pods --bogus', "kubectl get pods -l 'a", 'kubectl foo', 'aws s3 ls']) {
      const r = parseCommandLine(line);
      expect(r.ok).toBe(false);
      if (!r.ok && !/playground/.test(r.error)) expect(r.msg).toBeUndefined();
    }
  });
});
