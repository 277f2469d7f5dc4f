// Precision of each pattern, per pattern and repository, over a window: how often it decided a verdict
// (hits, last hit), how often it matched in `mode: observe`, and the automatic re-runs it triggered
// (Retry.cause) with how many of the concluded ones passed (Retry.outcome "success": its rescue rate).
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";

export interface PatternStatsRow {
  patternId: string;
  repositoryId: bigint;
  hits: number;
  lastHit: Date | null;
  /** Matches while the pattern was in observe mode (no verdict came from them). */
  observedHits: number;
  lastObserved: Date | null;
  /** Automatic re-runs Sift asked GitHub for, whose cause was this pattern. */
  reruns: number;
  /** Of those, the ones whose attempt has concluded, and the ones that passed. */
  concluded: number;
  passed: number;
}

export interface PatternStatsQuery {
  repositoryIds: readonly bigint[];
  since: Date;
}

type Counted = { id: string; repo: bigint | number | string; n: number; last: Date | string | null; kind?: "hit" | "observed" };

/**
 * Beyond this many repositories (an organisation's page), the window's classifications are read once
 * and each finds its repository by a probe of Job by id: asking Job for the repositories' rows made
 * PostgreSQL scan all of Job, twice, on a million jobs.
 */
const PROBE_JOBS_FROM = 20;

/** Hits and observed matches of many repositories in one pass (rows marked by kind). */
function manyRepositories(prisma: PrismaClient, repos: Prisma.Sql, since: string): Promise<Counted[]> {
  return prisma.$queryRaw<Counted[]>`
    with mine as materialized (
      select c."patternId", c."observedPatternIds", c."updatedAt", j.repo
      from "Classification" c
      cross join lateral (select "repositoryId" as repo from "Job" where id = c."jobId" offset 0) j -- a probe by id, never a scan of Job
      where c."updatedAt" >= ${since}::timestamp and j.repo in (${repos}))
    select 'hit' as kind, "patternId" as id, repo, count(*)::int as n, max("updatedAt") as last from mine where "patternId" is not null group by 2, 3
    union all
    select 'observed', o.id, repo, count(*)::int, max("updatedAt") from mine cross join lateral unnest("observedPatternIds") as o(id) group by 2, 3`;
}

type Reruns = { id: string; repo: bigint | number | string; reruns: number; concluded: number; passed: number };

export async function loadPatternStats(prisma: PrismaClient, q: PatternStatsQuery): Promise<PatternStatsRow[]> {
  if (q.repositoryIds.length === 0) return [];
  const repos = Prisma.join(q.repositoryIds.map((id) => BigInt(id)));
  const since = q.since.toISOString();
  const [hits, observed, reruns] = await Promise.all([
    q.repositoryIds.length > PROBE_JOBS_FROM ? [] : prisma.$queryRaw<Counted[]>`
      select c."patternId" as id, j."repositoryId" as repo, count(*)::int as n, max(c."updatedAt") as last
      from "Classification" c join "Job" j on j.id = c."jobId"
      where j."repositoryId" in (${repos}) and c."updatedAt" >= ${since}::timestamp and c."patternId" is not null
      group by c."patternId", j."repositoryId"`,
    q.repositoryIds.length > PROBE_JOBS_FROM ? manyRepositories(prisma, repos, since) : prisma.$queryRaw<Counted[]>`
      select o.id as id, j."repositoryId" as repo, count(*)::int as n, max(c."updatedAt") as last
      from "Classification" c join "Job" j on j.id = c."jobId" cross join lateral unnest(c."observedPatternIds") as o(id)
      where j."repositoryId" in (${repos}) and c."updatedAt" >= ${since}::timestamp
      group by o.id, j."repositoryId"`,
    prisma.$queryRaw<Reruns[]>`
      select r.cause as id, r."repositoryId" as repo, count(*)::int as reruns, count(r.outcome)::int as concluded,
        (count(*) filter (where r.outcome = 'success'))::int as passed
      from "Retry" r
      where r."repositoryId" in (${repos}) and r."createdAt" >= ${since}::timestamp
        and r.trigger = 'auto' and r.status = 'requested' and r.cause is not null
      group by r.cause, r."repositoryId"`,
  ]);
  const rows = new Map<string, PatternStatsRow>();
  const row = (id: string, repo: Counted["repo"]) => {
    const key = `${String(repo)}\u0000${id}`;
    let r = rows.get(key);
    if (!r) {
      r = { patternId: id, repositoryId: BigInt(repo), hits: 0, lastHit: null, observedHits: 0, lastObserved: null, reruns: 0, concluded: 0, passed: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (const h of [...hits, ...observed.filter((o) => o.kind === "hit")]) Object.assign(row(h.id, h.repo), { hits: Number(h.n), lastHit: dateOf(h.last) });
  for (const o of observed.filter((o) => o.kind !== "hit")) Object.assign(row(o.id, o.repo), { observedHits: Number(o.n), lastObserved: dateOf(o.last) });
  for (const r of reruns) Object.assign(row(r.id, r.repo), { reruns: Number(r.reruns), concluded: Number(r.concluded), passed: Number(r.passed) });
  return [...rows.values()].sort((a, b) => a.patternId.localeCompare(b.patternId) || Number(a.repositoryId - b.repositoryId));
}

/** timestamp without time zone comes back as a Date or a string, depending on the driver: UTC either way. */
function dateOf(value: Date | string | null): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(" ", "T")}Z`);
}
