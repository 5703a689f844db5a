/**
 * The VPA statechart lives in the world as its state value and context (plain data); each step
 * rebuilds the snapshot with `resolveState` and runs xstate's pure `transition` through
 * `stepVpaMachine`.
 */
import { initialVpaSnapshot, stepVpaMachine, vpaMachine, vpaStateName, type VpaMachineEvent, type VpaStateName } from './vpaMachine';
import type { VpaUpdateMode } from './types';
import type { VpaObjectState } from './worldState';

export function initialMachineState(mode: VpaUpdateMode): VpaObjectState['machine'] {
  const snapshot = initialVpaSnapshot(mode);
  return { value: vpaStateName(snapshot), context: { ...snapshot.context } };
}

export function stepObjectMachine(obj: VpaObjectState, event: VpaMachineEvent): VpaStateName {
  const snapshot = vpaMachine.resolveState({ value: obj.machine.value, context: obj.machine.context });
  const next = stepVpaMachine(snapshot, event);
  obj.machine = { value: vpaStateName(next), context: { ...next.context } };
  return obj.machine.value;
}
