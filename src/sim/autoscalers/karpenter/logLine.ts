import type { ReconcileContext } from './v1Log';

/** One Karpenter log line before it is rendered in its version's format (logs.ts renderLogLine). */
export interface KarpenterLogLine {
  level: 'INFO' | 'DEBUG' | 'ERROR';
  /** v0.27 logger names (controller.provisioner, …); v1 logs all say "controller". */
  logger: string;
  message: string;
  /** v1: the reconcile the line is logged from (controller-runtime's fields come before `fields`). */
  ctx?: ReconcileContext;
  fields: Record<string, unknown>;
}
