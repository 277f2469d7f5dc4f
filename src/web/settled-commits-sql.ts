// Default-branch commits that are settled, with whether each is broken: branch-health.ts's rule in
// SQL (analysed by Sift, or every job it saw completed; broken when a failed job was classified
// genuine or known problem), for the health pages, which aggregate it per day in SQL.
//
// One repository's month: each commit's jobs are probed (a few hundred commits). Many repositories
// (the org page): broken commits come from the classifications of the window (few rows, indexed by
// time, each a probe of Job by id) as a hashed set, instead of probing every commit's jobs: 200
// repositories' month in under a second instead of 4 s. A commit's classifications are written after
// Sift first saw the commit, so those updated since a day before the window cover every commit of it.

/** Up to this many repositories, each commit's jobs are probed; beyond, broken commits come from the classifications. */
export const PROBE_COMMITS_UP_TO = 20;

const BROKEN_FROM_CLASSIFICATIONS = `broken as materialized (
  select distinct j.repo, j.sha
  from "Classification" c
  cross join lateral (select "repositoryId" as repo, "headSha" as sha from "Job" where id = c."jobId" offset 0) j -- a probe by id, never a scan of Job
  where c.verdict in ('genuine', 'known_problem') and c."updatedAt" >= $2::timestamp - interval '1 day' and j.repo = any($1::bigint[])),`;

const RED_BY_PROBE = `exists (select 1 from "Job" j join "Classification" c on c."jobId" = j.id
  where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha and c.verdict in ('genuine', 'known_problem'))`;

/**
 * The CTE `settled` (after `with`): settled default-branch commits of repositories `$1` (bigint[])
 * first seen in [`$2`, `$3`], as repo, id, sha, at, red. Both ways give the same rows.
 */
export function settledCommits(repos: number): string {
  const many = repos > PROBE_COMMITS_UP_TO;
  return `${many ? BROKEN_FROM_CLASSIFICATIONS : ""}
settled as materialized (
  select h."repositoryId" as repo, h.id, h.sha, h."createdAt" as at,
    ${many ? `(h."repositoryId", h.sha) in (select repo, sha from broken)` : RED_BY_PROBE} as red
  from "HeadCommit" h join "Repository" r on r.id = h."repositoryId"
  where h."repositoryId" = any($1::bigint[]) and h.branch = r."defaultBranch"
    and h."createdAt" >= $2::timestamp and h."createdAt" <= $3::timestamp
    and (h.state = 'done' or (h.state = 'idle'
      and exists (select 1 from "Job" j where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha)
      and not exists (select 1 from "Job" j where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha and j.status <> 'completed'))))`;
}

/** The jobs that make commits `$1` (bigint[] repositories) × `$2` (text[] SHAs, pairwise) red. */
export const RED_JOBS = `select j."repositoryId"::text as repo, j."headSha" as sha, array_agg(distinct j.name order by j.name) as jobs
from "Job" j join "Classification" c on c."jobId" = j.id
where (j."repositoryId", j."headSha") in (select * from unnest($1::bigint[], $2::text[])) and c.verdict in ('genuine', 'known_problem')
group by 1, 2`;
