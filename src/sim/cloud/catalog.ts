// The slim copy carries only what the engine reads (scripts/slim-catalog.mjs); the full data sits beside it.
import raw from './aws-instance-types.slim.json';

/** One EC2 instance type, as copied from ../shared/data/aws-instance-types.json (see docs/aws-instance-types.NOTES.md). */
export interface InstanceType {
  name: string;
  family: string;
  category: string;
  generation: number;
  size: string;
  arch: 'amd64' | 'arm64';
  vcpu: number;
  /** Nominal EC2 memory (MemoryInfo.SizeInMiB), not what the kubelet reports. */
  memoryMiB: number;
  /** ENI-limited max pods (AL2/AL2023 default). */
  maxPods: number;
  gpus: number;
  onDemandUsdPerHour: Partial<Record<string, number>>;
}

interface CatalogFile {
  regions: string[];
  types: InstanceType[];
}

const file = raw as unknown as CatalogFile;

export const catalogRegions: readonly string[] = file.regions;
export const instanceTypes: readonly InstanceType[] = file.types;

const byName = new Map(instanceTypes.map((t) => [t.name, t]));

export function findInstanceType(name: string): InstanceType | undefined {
  return byName.get(name);
}

/** On-demand $/hour in `region`, falling back to us-east-1 (the only region priced for every type). */
export function onDemandPrice(type: InstanceType, region: string): number {
  return type.onDemandUsdPerHour[region] ?? type.onDemandUsdPerHour['us-east-1'] ?? 0;
}
