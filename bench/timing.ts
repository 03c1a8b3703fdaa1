// Timing for the benchmarks: the same percentile and the same loop everywhere.

/** A figure as the benchmarks print it: milliseconds or seconds to two decimals. */
export const round = (value: number): number => Number(value.toFixed(2));

/** The `p`-th percentile of `values` (nearest rank), rounded; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN);
}

/** The median and 95th percentile of samples in milliseconds. */
export function summarize(samples: readonly number[]): { p50: number; p95: number } {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** The time in milliseconds of `fn` on each input, one after the other, after `warmUp` untimed calls on the first inputs. */
export async function timeSamples<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>, { warmUp = 0 } = {}): Promise<number[]> {
  for (const input of inputs.slice(0, warmUp)) await fn(input);
  const samples: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await fn(input);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** {@link timeSamples} summarized: p50 and p95 in milliseconds. */
export async function timeEach<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>, options: { warmUp?: number } = {}): Promise<{ p50: number; p95: number }> {
  return summarize(await timeSamples(inputs, fn, options));
}
