// The latest value of each (repository, statistic, group) seen in the last week, for the Prometheus
// gauge: newest first and at most MAX_METRIC_SERIES, so a repository cannot grow /metrics unboundedly.
import type { PrismaClient } from "../generated/prisma/client.js";

/** Series of sift_statistic_last_value at most (documented in the README). */
export const MAX_METRIC_SERIES = 200;
const WEEK = 7 * 24 * 3600 * 1000;

export interface LastStatisticValue {
  repo: string;
  private: boolean;
  statistic: string;
  group: string;
  value: number;
}

export async function lastStatisticValues(prisma: PrismaClient, now: Date, limit = MAX_METRIC_SERIES): Promise<LastStatisticValue[]> {
  const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    `select r.owner || '/' || r.name as repo, r.private, v."statisticId", v."group", v.value
     from (select distinct on ("repositoryId", "statisticId", "group") "repositoryId", "statisticId", "group", value, at
           from "StatisticValue" where at > $1::timestamp
           order by "repositoryId", "statisticId", "group", at desc, id desc) v
     join "Repository" r on r.id = v."repositoryId"
     order by v.at desc, repo, v."statisticId", v."group" limit $2`,
    new Date(now.getTime() - WEEK).toISOString(), limit,
  );
  return rows.map((r) => ({ repo: String(r.repo), private: r.private === true || r.private === "t", statistic: String(r.statisticId), group: String(r.group), value: Number(r.value) }));
}
