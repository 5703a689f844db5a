/** Each autoscaler registers its API kinds (HPA, VPA, ScaledObject, NodePool, …) from here as it is built. */
export {};
