import type { World } from '../../core/types';
import { addNotice } from '../../core/world';
import { log } from './messages';
import { printCaLogs } from './output';
import type { CaWorldState } from './state';

/**
 * Say a flag notice, warning or error once per set of flags: as a scenario notice (the panel a
 * person reads first) and as a klog line of the CA (where the real one would print it).
 */
export function reportOnce(world: World, state: CaWorldState, message: string, severity: 'I' | 'W' | 'E'): void {
  if (state.reported.includes(message)) return;
  state.reported.push(message);
  addNotice(world, `cluster-autoscaler: ${message}`);
  printCaLogs(world, [log(0, 'main.go:616', message, severity)], 0);
}
