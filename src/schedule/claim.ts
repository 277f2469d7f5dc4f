// Claims due head SHAs with an expiring lease. `for update skip locked` lets several replicas on one
// PostgreSQL claim side by side without ever taking the same SHA; an expired lease (a crashed
// worker) makes the SHA claimable again.
import type { SqlSession } from "../db/index.js";

export interface ClaimedCommit {
  id: number;
  repositoryId: number;
  installationId: number;
  owner: string;
  repo: string;
  sha: string;
  dueAt: Date;
  /** When this worker claimed it: changes after this time ask for another analysis. */
  claimedAt: Date;
}

const SQL = `
update "HeadCommit" h set state = 'running', "leaseOwner" = $1, "leaseUntil" = $2::timestamp, "updatedAt" = $3::timestamp
from (
  select id from "HeadCommit"
  where (state = 'pending' and "dueAt" <= $3::timestamp) or (state = 'running' and "leaseUntil" < $3::timestamp)
  order by "dueAt" limit $4
  for update skip locked
) c, "Repository" r
where h.id = c.id and r.id = h."repositoryId"
returning h.id, h."repositoryId"::text as repository_id, r."installationId"::text as installation_id, r.owner, r.name,
  h.sha, (extract(epoch from h."dueAt") * 1000)::float8 as due_ms`;

export async function claimDue(
  sql: SqlSession,
  opts: { owner: string; now: Date; leaseSeconds: number; limit: number },
): Promise<ClaimedCommit[]> {
  if (opts.limit <= 0) return [];
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseSeconds * 1000);
  const rows = await sql.query(SQL, [opts.owner, leaseUntil.toISOString(), opts.now.toISOString(), opts.limit]);
  return rows.map((r) => ({
    id: Number(r.id),
    repositoryId: Number(r.repository_id),
    installationId: Number(r.installation_id),
    owner: String(r.owner),
    repo: String(r.name),
    sha: String(r.sha),
    dueAt: new Date(Number(r.due_ms)),
    claimedAt: opts.now,
  }));
}
