import { registerKind } from '../resources/registry';
import { registerTraceContributor } from './trace';
import { autoscalerModules } from './index';

/** Register every autoscaler's API kinds and trace entries. */
for (const m of autoscalerModules) {
  for (const k of m.kinds) registerKind(k);
  if (m.trace) registerTraceContributor(m.trace);
}
