/** Importing this module registers every API kind the playground knows. */
import './workloadKinds';
import './podKinds';
import './pdbKind';
import './priorityClassKind';
import './namespaceKind';
import './endpointsKind';
import './endpointSliceKind';
import '../autoscalers/kinds';
