// A repository's statistics over a window of days: per statistic and group the count, mean,
// standard deviation (population: a single value has 0), min and max of every job run's value, and
// the same per UTC day for the chart. Computed by the database, bounded in series.
import type { PrismaClient } from "../generated/prisma/client.js";

export const STATISTIC_WINDOWS = [7, 30, 90] as const;
export type StatisticWindow = (typeof STATISTIC_WINDOWS)[number];
/** At most this many (statistic, group) series on one page: 50 statistics of up to 10 groups could be 500. */
export const MAX_SERIES = 100;

const DAY = 24 * 3600 * 1000;

export interface StatisticDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  count: number;
  mean: number;
  min: number;
  max: number;
}

export interface StatisticSeries {
  statisticId: string;
  group: string;
  unit: string;
  count: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  last: { value: number; at: Date };
  /** Days of the window with values, oldest first (days without a value are absent). */
  daily: StatisticDay[];
}

export interface RepoStatistics {
  days: StatisticWindow;
  /** The window's first UTC day and its end. */
  from: Date;
  to: Date;
  series: StatisticSeries[];
  /** More series than MAX_SERIES: the rest are not shown. */
  truncated: boolean;
}

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);

export function windowStart(now: Date, days: number): Date {
  return new Date(Math.floor(now.getTime() / DAY) * DAY - (days - 1) * DAY);
}

export async function loadStatistics(prisma: PrismaClient, repositoryId: bigint, now: Date, days: StatisticWindow): Promise<RepoStatistics> {
  const from = windowStart(now, days);
  const args = [String(repositoryId), from.toISOString(), now.toISOString()] as const;
  const where = `"repositoryId" = $1::bigint and at >= $2::timestamp and at <= $3::timestamp`;
  const totals = await prisma.$queryRawUnsafe<Row[]>(
    `select "statisticId", "group", max(unit) as unit, count(*)::int as n, avg(value) as mean, coalesce(stddev_pop(value), 0) as sd, min(value) as lo, max(value) as hi
     from "StatisticValue" where ${where} group by "statisticId", "group" order by "statisticId", "group" limit ${MAX_SERIES + 1}`,
    ...args,
  );
  const shown = totals.slice(0, MAX_SERIES);
  if (shown.length === 0) return { days, from, to: now, series: [], truncated: false };
  const ids = [...new Set(shown.map((t) => String(t.statisticId)))];
  const perDay = await prisma.$queryRawUnsafe<Row[]>(
    `select "statisticId", "group", to_char(date_trunc('day', at), 'YYYY-MM-DD') as day, count(*)::int as n, avg(value) as mean, min(value) as lo, max(value) as hi
     from "StatisticValue" where ${where} and "statisticId" = any($4::text[]) group by 1, 2, 3 order by 1, 2, 3`,
    ...args, ids,
  );
  const lasts = await prisma.$queryRawUnsafe<Row[]>(
    `select distinct on ("statisticId", "group") "statisticId", "group", value, at
     from "StatisticValue" where ${where} and "statisticId" = any($4::text[]) order by "statisticId", "group", at desc, id desc`,
    ...args, ids,
  );
  const key = (r: Row) => `${String(r.statisticId)}\u0000${String(r.group)}`;
  const daily = new Map<string, StatisticDay[]>();
  for (const r of perDay) daily.set(key(r), [...(daily.get(key(r)) ?? []), { day: String(r.day), count: num(r.n), mean: num(r.mean), min: num(r.lo), max: num(r.hi) }]);
  const last = new Map(lasts.map((r) => [key(r), { value: num(r.value), at: new Date(r.at as Date) }]));
  const series = shown.map((t) => ({
    statisticId: String(t.statisticId),
    group: String(t.group),
    unit: String(t.unit ?? ""),
    count: num(t.n),
    mean: num(t.mean),
    stddev: num(t.sd),
    min: num(t.lo),
    max: num(t.hi),
    last: last.get(key(t)) ?? { value: num(t.hi), at: now },
    daily: daily.get(key(t)) ?? [],
  }));
  return { days, from, to: now, series, truncated: totals.length > MAX_SERIES };
}
