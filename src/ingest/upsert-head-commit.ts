// What a head SHA belongs to (PR numbers, branch, base), from pull_request, workflow_run and
// check_suite. Never changes the scheduling state.
import type { SqlSession } from "../db/index.js";

export interface HeadCommitInfo {
  sha: string;
  branch: string | null;
  baseBranch: string | null;
  baseSha: string | null;
  prNumbers: number[];
}

const SQL = `
insert into "HeadCommit" ("repositoryId", sha, branch, "baseBranch", "baseSha", "prNumbers", "updatedAt")
values ($1::bigint, $2, $3, $4, $5, $6::int[], $7::timestamp)
on conflict ("repositoryId", sha) do update set
  branch = coalesce(excluded.branch, "HeadCommit".branch),
  "baseBranch" = coalesce(excluded."baseBranch", "HeadCommit"."baseBranch"),
  "baseSha" = coalesce(excluded."baseSha", "HeadCommit"."baseSha"),
  "prNumbers" = array(select distinct n from unnest("HeadCommit"."prNumbers" || excluded."prNumbers") n order by n),
  "updatedAt" = excluded."updatedAt"
where not ("HeadCommit"."prNumbers" @> excluded."prNumbers")
  or (excluded.branch is not null and "HeadCommit".branch is distinct from excluded.branch)
  or (excluded."baseBranch" is not null and "HeadCommit"."baseBranch" is distinct from excluded."baseBranch")
  or (excluded."baseSha" is not null and "HeadCommit"."baseSha" is distinct from excluded."baseSha")`;

export async function upsertHeadCommit(sql: SqlSession, repositoryId: number, info: HeadCommitInfo, now: Date): Promise<void> {
  await sql.query(SQL, [String(repositoryId), info.sha, info.branch, info.baseBranch, info.baseSha, info.prNumbers, now.toISOString()]);
}
