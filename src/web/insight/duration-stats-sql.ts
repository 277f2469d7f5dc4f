// SQL pieces for duration statistics: the six figures of a group of seconds `s`, and a step's start
// or end time read from the stored Actions steps (jsonb from the webhook) without ever failing the
// query on a malformed one: only real calendar times of 2000–2099 are cast.

/** runs, mean, median, p90, min, max, stddev (sample; null for one run) over a column `s`. */
export const STATS_COLUMNS = `count(*)::int as runs, avg(s)::float8 as mean,
  percentile_cont(0.5) within group (order by s)::float8 as median, percentile_cont(0.9) within group (order by s)::float8 as p90,
  min(s)::float8 as min, max(s)::float8 as max, stddev_samp(s)::float8 as stddev`;

const ISO = String.raw`^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-][01]\d:[0-5]\d)$`;

/** `field` of the step `e` (jsonb) as timestamptz, or null when it is not a valid time. */
export function stepTime(field: "started_at" | "completed_at"): string {
  const v = `(e->>'${field}')`;
  const month = `substr(${v}, 6, 2)`;
  const day = `substr(${v}, 9, 2)::int`;
  const leap = `(substr(${v}, 1, 4)::int % 4 = 0)`;
  // Day 29–31 exist only in some months: check them before casting, so the cast cannot raise.
  const dayFits = `(${day} <= 28 or (${month} <> '02' and (${day} <= 30 or ${month} in ('01','03','05','07','08','10','12'))) or (${month} = '02' and ${day} = 29 and ${leap}))`;
  return `(case when ${v} ~ '${ISO}' then (case when ${dayFits} then ${v}::timestamptz end) end)`;
}

export interface StatsRow {
  runs: number;
  mean: number;
  median: number;
  p90: number;
  min: number;
  max: number;
  stddev: number | null;
}

export interface DurationStats extends StatsRow {
  /** YYYY-MM-DD (UTC), or null for the whole window. */
  day: string | null;
}

export function toStats(r: StatsRow & { day?: string | null }): DurationStats {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { day: r.day ?? null, runs: Number(r.runs), mean: Number(r.mean), median: Number(r.median), p90: Number(r.p90), min: Number(r.min), max: Number(r.max), stddev: n(r.stddev) };
}
