// A head SHA whose Sift check must conclude even if nothing fails (a merge-group SHA; a PR head when
// Sift is a required check): due after the cool-off like a failure, so that the check run says
// "waiting" early, then "success" once every job has passed. An analysed SHA is looked at again.
import type { SqlSession } from "../db/index.js";
import type { Timing } from "./timing.js";

const SQL = `
update "HeadCommit" set
  required = true,
  state = case when state in ('idle', 'done') then 'pending'::"CommitState" else state end,
  "firstFailureAt" = case when state in ('idle', 'done') then $3::timestamp else "firstFailureAt" end,
  "dueAt" = case when state in ('idle', 'done') then $3::timestamp + make_interval(secs => $4) else "dueAt" end,
  "updatedAt" = $3::timestamp
where "repositoryId" = $1::bigint and sha = $2 and (not required or state in ('idle', 'done'))`;

export async function scheduleRequired(sql: SqlSession, at: { repositoryId: number; sha: string; now: Date }, timing: Timing): Promise<void> {
  await sql.query(SQL, [String(at.repositoryId), at.sha, at.now.toISOString(), timing.coolOffSeconds]);
}
