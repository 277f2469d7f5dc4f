// Figures of the day replay: quantiles, Prometheus histograms scraped from /metrics, GitHub calls by kind.
import type { RecordedRequest } from "../../github-double/state.js";

export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export class Histogram {
  constructor(
    /** [upper bound, cumulative count], ascending, ending with +Inf. */
    readonly buckets: [number, number][],
    readonly sum: number,
    readonly count: number,
  ) {}

  add(o: Histogram): Histogram {
    return new Histogram(this.buckets.map(([le, n], i) => [le, n + (o.buckets[i]?.[1] ?? 0)]), this.sum + o.sum, this.count + o.count);
  }
}

export async function scrapeHistogram(url: string, name: string): Promise<Histogram> {
  const text = await (await fetch(url)).text();
  const buckets: [number, number][] = [];
  for (const m of text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"[^}]*\\} (\\S+)$`, "gm"))) buckets.push([m[1] === "+Inf" ? Number.POSITIVE_INFINITY : Number(m[1]), Number(m[2])]);
  const value = (suffix: string) => Number(new RegExp(`^${name}_${suffix}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text)?.[1] ?? 0);
  return new Histogram(buckets, value("sum"), value("count"));
}

/** Linear interpolation inside the bucket holding the quantile (Infinity when beyond the last finite bound). */
export function histogramQuantile(h: Histogram, q: number): number {
  const rank = q * h.count;
  let lower = 0;
  let below = 0;
  for (const [le, n] of h.buckets) {
    if (n >= rank) return Number.isFinite(le) ? lower + ((le - lower) * (rank - below)) / Math.max(1, n - below) : Number.POSITIVE_INFINITY;
    lower = le;
    below = n;
  }
  return Number.NaN;
}

const KINDS: [string, RegExp][] = [
  ["token", /^POST \/app\/installations\/\d+\/access_tokens/],
  ["check-run writes", /^(?:POST|PATCH) \/repos\/[^/]+\/[^/]+\/check-runs/],
  ["check-run reads", /^GET \/repos\/[^/]+\/[^/]+\/(?:commits\/[^/]+\/)?check-runs/],
  ["logs", /^GET (?:\/repos\/[^/]+\/[^/]+\/actions\/jobs\/\d+\/logs|\/_storage\/)/],
  ["config", /^GET \/repos\/[^/]+\/[^/]+\/contents\//],
  ["re-runs", /^POST \/repos\/[^/]+\/[^/]+\/actions\/(?:jobs|runs)\/\d+\/rerun/],
  ["comments and reactions", /^POST .*\/(?:comments|reactions)$/],
  ["permissions and pulls", /^GET \/repos\/[^/]+\/[^/]+\/(?:collaborators|pulls)\//],
];

export function githubCallKinds(requests: readonly RecordedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) {
    const line = `${r.method} ${r.path}`;
    const kind = KINDS.find(([, re]) => re.test(line))?.[0] ?? "other";
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
