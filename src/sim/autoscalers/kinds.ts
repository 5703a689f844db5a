import { registerKind } from '../resources/registry';
import { registerTraceContributor } from './trace';
import { autoscalerModules } from './index';
import { podAdmissionHooks } from '../cluster/pods';

/** Register every autoscaler's API kinds and trace entries. */
for (const m of autoscalerModules) {
  for (const k of m.kinds) registerKind(k);
  if (m.trace) registerTraceContributor(m.trace);
  if (m.admitPod && !podAdmissionHooks.includes(m.admitPod)) podAdmissionHooks.push(m.admitPod);
}
