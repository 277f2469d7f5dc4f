// One replica backfills a repository at a time, and not more often than the interval: a lease row
// per repository (like the scheduler's leases on head SHAs), taken only when free or expired and
// when the last backfill is at least an interval old.
import type { SqlSession } from "../db/index.js";

const CLAIM = `
insert into "BackfillLease" ("repositoryId", owner, "leaseUntil") values ($1::bigint, $2, $3::timestamp)
on conflict ("repositoryId") do update set owner = excluded.owner, "leaseUntil" = excluded."leaseUntil"
where ("BackfillLease"."leaseUntil" is null or "BackfillLease"."leaseUntil" < $4::timestamp)
  and ("BackfillLease"."lastRunAt" is null or "BackfillLease"."lastRunAt" <= $5::timestamp)
returning "repositoryId"`;

export async function claimBackfill(
  sql: SqlSession,
  at: { repositoryId: number; owner: string; now: Date; leaseMs: number; intervalMs: number },
): Promise<boolean> {
  const { now } = at;
  // a little slack, so that timer drift does not skip every other round
  const lastBefore = new Date(now.getTime() - at.intervalMs * 0.9);
  const rows = await sql.query(CLAIM, [String(at.repositoryId), at.owner, new Date(now.getTime() + at.leaseMs).toISOString(), now.toISOString(), lastBefore.toISOString()]);
  return rows.length > 0;
}

export async function finishBackfill(sql: SqlSession, at: { repositoryId: number; owner: string; now: Date; ok: boolean }): Promise<void> {
  // a failed round leaves lastRunAt alone: the next round (of any replica) tries again
  await sql.query(
    `update "BackfillLease" set owner = null, "leaseUntil" = null, "lastRunAt" = case when $4 then $3::timestamp else "lastRunAt" end
     where "repositoryId" = $1::bigint and owner = $2`,
    [String(at.repositoryId), at.owner, at.now.toISOString(), at.ok],
  );
}
