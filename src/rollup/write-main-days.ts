// Stores counted default-branch days in MainBranchDay: a day whose commits all settled is kept, any
// other is removed (the pages count it live until it settles). One writer per repository at a time,
// so a fill that counted before a verdict was written cannot overwrite the count made after it.
import { Prisma } from "../generated/prisma/client.js";
import type { MainDayRow } from "./main-day-rows.js";

type Tx = Prisma.TransactionClient;

export async function lockMainDays(tx: Tx, repositoryIds: readonly bigint[]): Promise<void> {
  for (const id of [...new Set(repositoryIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    await tx.$queryRawUnsafe(`select 1 as locked from pg_advisory_xact_lock(hashtext('sift.main-days'), ($1::bigint % 2147483647)::int)`, id.toString());
  }
}

const UPSERT = `insert into "MainBranchDay" ("repositoryId", day, branch, commits, broken, points, "updatedAt")
select * , now() from unnest($1::text[]::bigint[], $2::text[]::date[], $3::text[], $4::int[], $5::int[], $6::text[]::jsonb[])
on conflict ("repositoryId", day) do update set branch = excluded.branch, commits = excluded.commits, broken = excluded.broken, points = excluded.points, "updatedAt" = now()`;

const DELETE = `delete from "MainBranchDay" x using unnest($1::text[]::bigint[], $2::text[]::date[]) as g(r, d) where x."repositoryId" = g.r and x.day = g.d`;

/** Writes the settled days and removes the others; the caller holds `lockMainDays` for their repositories. */
export async function writeMainDays(tx: Tx, rows: readonly MainDayRow[]): Promise<void> {
  const keep = rows.filter((r) => r.allSettled);
  const drop = rows.filter((r) => !r.allSettled);
  if (drop.length > 0) await tx.$executeRawUnsafe(DELETE, drop.map((r) => r.repositoryId.toString()), drop.map((r) => r.day));
  if (keep.length === 0) return;
  await tx.$executeRawUnsafe(
    UPSERT,
    keep.map((r) => r.repositoryId.toString()),
    keep.map((r) => r.day),
    keep.map((r) => r.branch),
    keep.map((r) => r.commits),
    keep.map((r) => r.broken),
    keep.map((r) => JSON.stringify(r.points)),
  );
}
