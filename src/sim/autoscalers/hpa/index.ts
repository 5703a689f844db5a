/** The HPA's public surface for the engine integrator and the UI. */
export * from './types';
export * from './quantity';
export * from './defaults';
export * from './podGrouping';
export * from './metricsClient';
export * from './replicaCalculator';
export * from './normalize';
export * from './metricProposals';
export * from './reconcile';
export * from './hpaMachine';
export * from './convert';
export * from './eventLog';
export * from './kubectlFormat';
export * from './kubectlViews';
