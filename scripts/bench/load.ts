/** A closed-loop load generator: `concurrency` workers each send requests back to back until `total`
 * requests are done; returns latencies and throughput. */
export type LoadResult = { requests: number; errors: number; seconds: number; rps: number; p50: number; p95: number };

export async function closedLoop(concurrency: number, total: number, one: (worker: number, i: number) => Promise<boolean>): Promise<LoadResult> {
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        const ok = await one(w, i).catch(() => false);
        lat.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = lat.sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { requests: total, errors, seconds, rps: total / seconds, p50: pct(50), p95: pct(95) };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : 0;
}
