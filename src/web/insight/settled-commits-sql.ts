// The jobs that made default-branch commits broken, for the health pages' periods. Which commits are
// settled and broken is counted per day in src/rollup/main-day-rows.ts (branch-health.ts's rule).

/** Up to this many repositories, the red jobs of closed periods are named too; beyond (an org page), only of open ones. */
export const PROBE_COMMITS_UP_TO = 20;

/** The jobs that make commits `$1` (bigint[] repositories) × `$2` (text[] SHAs, pairwise) red. */
export const RED_JOBS = `select j."repositoryId"::text as repo, j."headSha" as sha, array_agg(distinct j.name order by j.name) as jobs
from "Job" j join "Classification" c on c."jobId" = j.id
where (j."repositoryId", j."headSha") in (select * from unnest($1::bigint[], $2::text[])) and c.verdict in ('genuine', 'known_problem')
group by 1, 2`;
