/**
 * Strings of the cluster view, legend, cost header and details panel, under `cluster.*`. They live
 * in src/ui/i18n/locales/{en,ko}/cluster.json; this module only re-exports them for the view's tests
 * and dev harness. Kubernetes terms people search for (Pending, Ready, NodePool, kubectl output)
 * stay in English in Korean too, as Korean EKS documentation keeps them.
 */
import en from '../i18n/locales/en/cluster.json';
import ko from '../i18n/locales/ko/cluster.json';

export const clusterResources = { en, ko };
export default clusterResources;
