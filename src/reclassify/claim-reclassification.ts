// Claims one repository waiting for re-classification, with an expiring lease: `for update skip
// locked` keeps two replicas off the same row, and an expired lease (a crashed worker) makes it
// claimable again, to resume at its cursor. A row put back with a delay (the config could not be
// read) waits until its leaseUntil.
import type { SqlSession } from "../db/index.js";

export interface ClaimedReclassification {
  repositoryId: number;
  installationId: number;
  owner: string;
  repo: string;
  targetHash: string | null;
  cursorJobId: number;
  since: Date;
}

const SQL = `
update "Reclassification" x set state = 'running', "leaseOwner" = $1, "leaseUntil" = $2::timestamp, "updatedAt" = $3::timestamp
from (
  select "repositoryId" from "Reclassification"
  where (state = 'pending' and ("leaseUntil" is null or "leaseUntil" < $3::timestamp)) or (state = 'running' and "leaseUntil" < $3::timestamp)
  order by "requestedAt" limit 1
  for update skip locked
) c, "Repository" r
where x."repositoryId" = c."repositoryId" and r.id = x."repositoryId"
returning x."repositoryId"::text as repository_id, r."installationId"::text as installation_id, r.owner, r.name,
  x."targetHash" as target_hash, x."cursorJobId" as cursor, (extract(epoch from x.since) * 1000)::float8 as since_ms`;

export async function claimReclassification(sql: SqlSession, o: { owner: string; now: Date; leaseSeconds: number }): Promise<ClaimedReclassification | null> {
  const leaseUntil = new Date(o.now.getTime() + o.leaseSeconds * 1000);
  const [r] = await sql.query(SQL, [o.owner, leaseUntil.toISOString(), o.now.toISOString()]);
  if (!r) return null;
  return {
    repositoryId: Number(r.repository_id),
    installationId: Number(r.installation_id),
    owner: String(r.owner),
    repo: String(r.name),
    targetHash: r.target_hash === null ? null : String(r.target_hash),
    cursorJobId: Number(r.cursor),
    since: new Date(Number(r.since_ms)),
  };
}
