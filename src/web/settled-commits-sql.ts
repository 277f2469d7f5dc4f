// Default-branch commits that are settled, with whether each is broken: branch-health.ts's rule in
// SQL (analysed by Sift, or every job it saw completed; broken when a failed job was classified
// genuine or known problem), for the health page and its JSON, which aggregate it per day in SQL.

/** Settled default-branch commits of repositories `$1` (bigint[]) first seen in [`$2`, `$3`]: repo, id, sha, at, red. */
export const SETTLED_COMMITS = `
select h."repositoryId" as repo, h.id, h.sha, h."createdAt" as at,
  exists (select 1 from "Job" j join "Classification" c on c."jobId" = j.id
          where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha and c.verdict in ('genuine', 'known_problem')) as red
from "HeadCommit" h join "Repository" r on r.id = h."repositoryId"
where h."repositoryId" = any($1::bigint[]) and h.branch = r."defaultBranch"
  and h."createdAt" >= $2::timestamp and h."createdAt" <= $3::timestamp
  and (h.state = 'done' or (h.state = 'idle'
    and exists (select 1 from "Job" j where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha)
    and not exists (select 1 from "Job" j where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha and j.status <> 'completed')))`;

/** The jobs that make commit `o` red, at most 20 names. */
export const RED_JOBS = `array(select distinct j.name from "Job" j join "Classification" c on c."jobId" = j.id
  where j."repositoryId" = o.repo and j."headSha" = o.sha and c.verdict in ('genuine', 'known_problem') order by j.name limit 20)`;
