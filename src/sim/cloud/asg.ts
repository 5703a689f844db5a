import { maxOf } from '../core/arrays';
/**
 * An EC2 Auto Scaling group as plain data, with the operations the Cluster Autoscaler and the
 * `aws autoscaling` CLI perform on it. Error texts follow the CA's AWS provider
 * (cloudprovider/aws/aws_cloud_provider.go) and the AutoScaling API's ValidationError messages.
 */
export interface AutoScalingGroup {
  name: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  instanceTypes: string[];
  tags: Record<string, string>;
}

/** `code` is the stable part of the message (what a caller matches on); `message` is the full text. */
export interface AsgError {
  code: string;
  message: string;
}

export interface AsgChange {
  asg: AutoScalingGroup;
  error?: AsgError;
}

/** CA's NodeGroup.IncreaseSize: refuses non-positive deltas and anything past maxSize; no partial increase. */
export function increaseSize(asg: AutoScalingGroup, delta: number): AsgChange {
  if (delta <= 0) {
    return {
      asg,
      error: { code: 'size increase must be positive', message: 'size increase must be positive' },
    };
  }
  const wanted = asg.desiredCapacity + delta;
  if (wanted > asg.maxSize) {
    return {
      asg,
      error: {
        code: 'size increase too large',
        message: `size increase too large - desired:${wanted} max:${asg.maxSize}`,
      },
    };
  }
  return { asg: { ...asg, desiredCapacity: wanted } };
}

/**
 * CA's NodeGroup.DeleteNodes: refused once the group is at (or below) minSize. Otherwise each
 * instance is terminated with "decrement desired capacity"; like the AWS provider's per-instance
 * check, it stops at minSize, so `deleted` may be less than asked.
 */
export function deleteNodes(asg: AutoScalingGroup, count: number): AsgChange & { deleted: number } {
  if (asg.desiredCapacity <= asg.minSize) {
    return {
      asg,
      deleted: 0,
      error: { code: 'min size reached', message: 'min size reached, nodes will not be deleted' },
    };
  }
  const deleted = Math.max(0, Math.min(count, asg.desiredCapacity - asg.minSize));
  return { asg: { ...asg, desiredCapacity: asg.desiredCapacity - deleted }, deleted };
}

export interface UpdateAsgRequest {
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
}

const UPDATE_ERROR_PREFIX =
  'An error occurred (ValidationError) when calling the UpdateAutoScalingGroup operation: ';

/**
 * `aws autoscaling update-auto-scaling-group`. As documented by AWS: a new MinSize above the
 * current size without DesiredCapacity raises desired to MinSize; a new MaxSize below the
 * current size lowers desired to MaxSize. Then min ≤ desired ≤ max must hold.
 */
export function updateAutoScalingGroup(asg: AutoScalingGroup, req: UpdateAsgRequest): AsgChange {
  const minSize = req.minSize ?? asg.minSize;
  const maxSize = req.maxSize ?? asg.maxSize;
  for (const [flag, v] of [
    ['min-size', req.minSize],
    ['max-size', req.maxSize],
    ['desired-capacity', req.desiredCapacity],
  ] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) {
      const message = `${UPDATE_ERROR_PREFIX}--${flag} must be a non-negative integer, got ${v}`;
      return { asg, error: { code: 'ValidationError', message } };
    }
  }
  if (minSize > maxSize) {
    const message = `${UPDATE_ERROR_PREFIX}Max bound, ${maxSize}, must be greater than or equal to min bound, ${minSize}`;
    return { asg, error: { code: 'ValidationError', message } };
  }
  let desired = req.desiredCapacity ?? asg.desiredCapacity;
  if (req.desiredCapacity === undefined) {
    if (req.minSize !== undefined && desired < minSize) desired = minSize;
    if (req.maxSize !== undefined && desired > maxSize) desired = maxSize;
  }
  if (desired < minSize || desired > maxSize) {
    const message = `${UPDATE_ERROR_PREFIX}Desired capacity:${desired} must be between the specified min size:${minSize} and max size:${maxSize}`;
    return { asg, error: { code: 'ValidationError', message } };
  }
  return { asg: { ...asg, minSize, maxSize, desiredCapacity: desired } };
}

/** The seed's `--query "AutoScalingGroups[? Tags[? (Key=='eks:cluster-name') && Value=='CLUSTER']].[…]"` */
export function asgsOfCluster(asgs: readonly AutoScalingGroup[], clusterName: string): AutoScalingGroup[] {
  return asgs.filter((g) => g.tags['eks:cluster-name'] === clusterName);
}

/**
 * `aws autoscaling describe-auto-scaling-groups --query "…[AutoScalingGroupName, MinSize, MaxSize,DesiredCapacity]"
 * --output table` for the groups of one EKS cluster.
 */
export function renderDescribeAsgTable(asgs: readonly AutoScalingGroup[], clusterName: string): string {
  const rows = asgsOfCluster(asgs, clusterName).map((g) => [
    g.name,
    String(g.minSize),
    String(g.maxSize),
    String(g.desiredCapacity),
  ]);
  return renderAwsCliTable('DescribeAutoScalingGroups', rows);
}

/** Python's round(): halves go to the even neighbour (the AWS CLI scales column widths with it). */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (Math.abs(diff - 0.5) < 1e-12) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(x);
}

/**
 * The AWS CLI's `--output table` layout for a titled section of header-less rows (awscli/table.py):
 * each column is its widest cell plus 4, the whole table is that plus the two borders (or the title
 * plus 2, if wider), columns are rescaled to fill it, cells are left-aligned after two spaces.
 * An empty result prints nothing, as the CLI does.
 */
export function renderAwsCliTable(title: string, rows: readonly string[][]): string {
  if (rows.length === 0) return '';
  const cols = rows[0].length;
  const maxWidths = Array.from({ length: cols }, (_, i) => maxOf(rows.map((r) => r[i].length)));
  const unscaled = maxWidths.map((w) => w + 4);
  const unscaledSum = unscaled.reduce((a, b) => a + b, 0);
  const tableWidth = Math.max(title.length + 2, unscaledSum + 2);
  const scale = tableWidth / unscaledSum;
  const widths = unscaled.map((w) => roundHalfEven(scale * w));
  let offBy = widths.reduce((a, b) => a + b, 0) - tableWidth;
  while (offBy !== 0) {
    const order = offBy < 0 ? [...widths.keys()].reverse() : [...widths.keys()];
    for (const i of order) {
      if (offBy > 0) {
        widths[i] -= 1;
        offBy -= 1;
      } else {
        widths[i] += 1;
        offBy += 1;
      }
      if (offBy === 0) break;
    }
  }
  const lines: string[] = [];
  lines.push('-'.repeat(tableWidth));
  const start = Math.floor(tableWidth / 2) - Math.floor(title.length / 2) - 1;
  const titleLeft = `|${' '.repeat(start)}${title}`;
  lines.push(`${titleLeft}${' '.repeat(tableWidth - 1 - titleLeft.length)}|`);
  const rule = widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join('');
  lines.push(rule);
  for (const row of rows) {
    let line = '';
    row.forEach((cell, i) => {
      const leftEdge = i === 0 ? '|' : '';
      const fixed = leftEdge.length + 1;
      const padding = cell.length + 2 + fixed <= widths[i] ? 2 : 0;
      const body = `${leftEdge}${' '.repeat(padding)}${cell}`;
      line += `${body}${' '.repeat(Math.max(0, widths[i] - body.length - 1))}|`;
    });
    lines.push(line);
  }
  lines.push(rule);
  return `${lines.join('\n')}\n`;
}
