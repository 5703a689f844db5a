import type { FidelityAdapter } from '../../fidelity/types';

/** Not built yet: the fidelity runner reports this component's vectors as SKIP. */
export const lifecycleFidelity: FidelityAdapter | undefined = undefined;
