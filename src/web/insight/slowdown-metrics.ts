// Which jobs got slower, across every repository, for the `sift_job_slowdown` gauge. SQL keeps only
// candidates (enough runs on both sides, recent median at least the policy's increase above the
// baseline's), then decide/slowdown.ts judges each with its samples. Cached: a scrape every 15 s
// must not re-read two weeks of jobs each time.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { defaultSlowdownPolicy, type SlowdownPolicy } from "../../decide/index.js";
import { jobSlowdowns } from "./durations-data.js";

const DAY = 24 * 3600 * 1000;
const MAX_CANDIDATES = 300;

export interface FlaggedJob {
  repo: string;
  job: string;
  private: boolean;
  increase: number;
}

const CANDIDATES = `select * from (select r.id::text as id, r.owner || '/' || r.name as repo, r.private, s.name,
  percentile_cont(0.5) within group (order by s.s) filter (where s.recent) as recent,
  percentile_cont(0.5) within group (order by s.s) filter (where not s.recent) as baseline
from "Repository" r cross join lateral (
  select j.name, extract(epoch from (j."completedAt" - j."startedAt"))::float8 as s, j."completedAt" >= $2::timestamp as recent
  from "Job" j where j."repositoryId" = r.id and j.conclusion = 'success' and j."completedAt" >= $1::timestamp and j."completedAt" <= $3::timestamp
    and j."startedAt" is not null and j."startedAt" <= j."completedAt") s
group by r.id, r.owner, r.name, r.private, s.name
having count(*) filter (where s.recent) >= $4 and count(*) filter (where not s.recent) >= $5
  and percentile_cont(0.5) within group (order by s.s) filter (where s.recent) >= (1 + $6::float8) * percentile_cont(0.5) within group (order by s.s) filter (where not s.recent)
) c order by recent / nullif(baseline, 0) desc nulls last limit ${MAX_CANDIDATES}`;

export async function flaggedJobs(prisma: PrismaClient, now: Date, policy: SlowdownPolicy = defaultSlowdownPolicy): Promise<FlaggedJob[]> {
  const recentFrom = new Date(now.getTime() - policy.recentDays * DAY);
  const from = new Date(recentFrom.getTime() - policy.baselineDays * DAY);
  const rows = await prisma.$queryRawUnsafe<{ id: string; repo: string; private: boolean; name: string }[]>(
    CANDIDATES, from.toISOString(), recentFrom.toISOString(), now.toISOString(), policy.minRecent, policy.minBaseline, policy.minIncrease,
  );
  const flagged: FlaggedJob[] = [];
  for (const id of new Set(rows.map((r) => r.id))) {
    const mine = rows.filter((r) => r.id === id);
    const verdicts = await jobSlowdowns(prisma, BigInt(id), mine.map((r) => r.name), now, policy);
    for (const r of mine) {
      const s = verdicts.get(r.name);
      if (s?.flagged) flagged.push({ repo: r.repo, job: r.name, private: r.private, increase: s.increase ?? 0 });
    }
  }
  return flagged.sort((a, b) => b.increase - a.increase || a.repo.localeCompare(b.repo) || a.job.localeCompare(b.job));
}

/** `load`, answered from its last result for `ttlMs` (one in flight at a time). */
export function cached<T>(load: () => Promise<T>, ttlMs: number, clock: () => number = Date.now): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | null = null;
  return () => {
    const t = clock();
    if (!last || t - last.at >= ttlMs) {
      const value = load();
      last = { at: t, value };
      value.catch(() => (last = null)); // a failed read is retried on the next scrape
    }
    return last.value;
  };
}
