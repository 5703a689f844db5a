/**
 * The VPA recommender's decaying exponential-bucket histogram, as plain serialisable data.
 *
 * Bucket b >= 1 starts at first × (ratio^b − 1)/(ratio − 1); bucket 0 covers [0, first).
 * Each sample's weight is multiplied by 2^((t − ref)/halfLife), so a sample one half-life older
 * counts half as much. Only relative weights matter, so `ref` may be moved forward at any time by
 * rescaling every bucket; that is done once the exponent would pass 100, to stay far from
 * floating-point overflow. Percentiles return the END of the bucket where the cumulative weight
 * first reaches p × total (upstream util/histogram.go).
 */

export interface HistogramOptions {
  firstBucketSize: number;
  ratio: number;
  maxValue: number;
  /** A bucket lighter than this counts as empty. */
  epsilon: number;
  numBuckets: number;
}

export function exponentialHistogramOptions(
  maxValue: number,
  firstBucketSize: number,
  ratio: number,
  epsilon: number,
): HistogramOptions {
  if (!(maxValue > 0 && firstBucketSize > 0 && ratio > 1 && epsilon > 0)) {
    throw new Error('histogram options need maxValue, firstBucketSize, epsilon > 0 and ratio > 1');
  }
  const numBuckets = Math.ceil(Math.log((maxValue * (ratio - 1)) / firstBucketSize + 1) / Math.log(ratio)) + 1;
  return { firstBucketSize, ratio, maxValue, epsilon, numBuckets };
}

/** CPU histogram: values in cores, 0.01-core first bucket, 5% growth, up to 1000 cores. */
export const CPU_HISTOGRAM_OPTIONS = exponentialHistogramOptions(1000, 0.01, 1.05, 0.0001);
/** Memory histogram: values in bytes, 1e7-byte first bucket, 5% growth, up to 1e12 bytes. */
export const MEMORY_HISTOGRAM_OPTIONS = exponentialHistogramOptions(1e12, 1e7, 1.05, 0.0001);

const MAX_DECAY_EXPONENT = 100;

export interface DecayingHistogram {
  /** Dense weights, one per bucket. */
  bucketWeights: number[];
  totalWeight: number;
  /** First non-empty bucket, or the last bucket when empty. */
  minBucket: number;
  /** Last non-empty bucket, or 0 when empty. */
  maxBucket: number;
  /** Seconds; always a whole multiple of halfLifeSeconds. */
  referenceSeconds: number;
  halfLifeSeconds: number;
}

export function bucketStart(options: HistogramOptions, bucket: number): number {
  if (bucket < 0 || bucket >= options.numBuckets) {
    throw new Error(`bucket ${bucket} out of range [0..${options.numBuckets - 1}]`);
  }
  if (bucket === 0) return 0;
  return (options.firstBucketSize * (Math.pow(options.ratio, bucket) - 1)) / (options.ratio - 1);
}

export function findBucket(options: HistogramOptions, value: number): number {
  if (value < options.firstBucketSize) return 0;
  const bucket = Math.trunc(
    Math.log((value * (options.ratio - 1)) / options.firstBucketSize + 1) / Math.log(options.ratio),
  );
  return Math.min(bucket, options.numBuckets - 1);
}

export function emptyHistogram(options: HistogramOptions, halfLifeSeconds: number): DecayingHistogram {
  return {
    bucketWeights: new Array<number>(options.numBuckets).fill(0),
    totalWeight: 0,
    minBucket: options.numBuckets - 1,
    maxBucket: 0,
    referenceSeconds: 0,
    halfLifeSeconds,
  };
}

export function isHistogramEmpty(options: HistogramOptions, h: DecayingHistogram): boolean {
  return h.bucketWeights[h.minBucket] < options.epsilon;
}

export function cloneHistogram(h: DecayingHistogram): DecayingHistogram {
  return { ...h, bucketWeights: h.bucketWeights.slice() };
}

function updateMinAndMax(options: HistogramOptions, h: DecayingHistogram): void {
  const last = options.numBuckets - 1;
  while (h.bucketWeights[h.minBucket] < options.epsilon && h.minBucket < last) h.minBucket++;
  while (h.bucketWeights[h.maxBucket] < options.epsilon && h.maxBucket > 0) h.maxBucket--;
}

/** Go's round-half-up on float64. */
function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5);
}

function shiftReference(options: HistogramOptions, h: DecayingHistogram, newReferenceSeconds: number): void {
  const rounded = roundHalfUp(newReferenceSeconds / h.halfLifeSeconds) * h.halfLifeSeconds;
  const exponent = roundHalfUp((h.referenceSeconds - rounded) / h.halfLifeSeconds);
  const factor = Math.pow(2, exponent);
  for (let b = h.minBucket; b <= h.maxBucket; b++) h.bucketWeights[b] *= factor;
  h.totalWeight *= factor;
  updateMinAndMax(options, h);
  h.referenceSeconds = rounded;
}

/** Mutates the (already cloned) histogram when the reference must move; returns the factor. */
function decayFactor(options: HistogramOptions, h: DecayingHistogram, atSeconds: number): number {
  if (atSeconds > h.referenceSeconds + h.halfLifeSeconds * MAX_DECAY_EXPONENT) {
    shiftReference(options, h, atSeconds);
  }
  return powerOfTwo((atSeconds - h.referenceSeconds) / h.halfLifeSeconds);
}

/**
 * 2^x, remembering the last x: a run feeds every pod of a template into one histogram at one scrape
 * time, so the same exponent comes ~100 times in a row (Math.pow was a third of feeding a sample).
 */
let lastExponent = NaN;
let lastPower = 1;

function powerOfTwo(x: number): number {
  if (x !== lastExponent) {
    lastExponent = x;
    lastPower = Math.pow(2, x);
  }
  return lastPower;
}

export function addSample(
  options: HistogramOptions,
  h: DecayingHistogram,
  value: number,
  weight: number,
  atSeconds: number,
): DecayingHistogram {
  if (weight < 0) throw new Error('sample weight must be non-negative');
  const next = cloneHistogram(h);
  addSampleInPlace(options, next, value, weight, atSeconds);
  return next;
}

/**
 * addSample into `h` itself, for a histogram only its owner holds: the recommender feeds a sample
 * per container per minute, and a copy of ~176 buckets per sample was most of what it cost.
 */
export function addSampleInPlace(options: HistogramOptions, h: DecayingHistogram, value: number, weight: number, atSeconds: number): void {
  if (weight < 0) throw new Error('sample weight must be non-negative');
  const w = weight * decayFactor(options, h, atSeconds);
  const bucket = findBucket(options, value);
  h.bucketWeights[bucket] += w;
  h.totalWeight += w;
  if (bucket < h.minBucket) h.minBucket = bucket;
  if (bucket > h.maxBucket) h.maxBucket = bucket;
}

export function subtractSample(
  options: HistogramOptions,
  h: DecayingHistogram,
  value: number,
  weight: number,
  atSeconds: number,
): DecayingHistogram {
  if (weight < 0) throw new Error('sample weight must be non-negative');
  const next = cloneHistogram(h);
  subtractSampleInPlace(options, next, value, weight, atSeconds);
  return next;
}

/** subtractSample from `h` itself, for a histogram only its owner holds (as addSampleInPlace). */
export function subtractSampleInPlace(options: HistogramOptions, h: DecayingHistogram, value: number, weight: number, atSeconds: number): void {
  if (weight < 0) throw new Error('sample weight must be non-negative');
  let w = weight * decayFactor(options, h, atSeconds);
  const bucket = findBucket(options, value);
  // Never leave a bucket with a tiny negative remainder from float error.
  if (w > h.bucketWeights[bucket] - options.epsilon) w = h.bucketWeights[bucket];
  h.totalWeight -= w;
  h.bucketWeights[bucket] -= w;
  updateMinAndMax(options, h);
}

/** Value at percentile p (0..1): the end of the bucket where the cumulative weight reaches p × total. */
export function percentile(options: HistogramOptions, h: DecayingHistogram, p: number): number {
  if (isHistogramEmpty(options, h)) return 0;
  const threshold = p * h.totalWeight;
  let partial = 0;
  let bucket = h.minBucket;
  for (; bucket < h.maxBucket; bucket++) {
    partial += h.bucketWeights[bucket];
    if (partial >= threshold) break;
  }
  // The last bucket has no upper end, so its start is the best answer there.
  return bucket < options.numBuckets - 1 ? bucketStart(options, bucket + 1) : bucketStart(options, bucket);
}
