/** Latency summaries computed the same way for both sides, from every recorded sample. */

export interface LatencySummary {
  /** Successful requests (API: 2xx responses; SQL: committed transactions). */
  count: number;
  /** Failed requests (API: non-2xx, errors and timeouts; SQL: thrown errors). */
  failures: number;
  seconds: number;
  perSecond: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export function summarize(latenciesMs: readonly number[], failures: number, seconds: number): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    failures,
    seconds: round(seconds, 2),
    perSecond: round(sorted.length / seconds, 1),
    meanMs: round(sorted.length ? total / sorted.length : Number.NaN),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN),
  };
}
