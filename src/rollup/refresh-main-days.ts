// Keeps the stored default-branch days in step with verdicts, inside the caller's transaction: the
// days of these jobs' commits that are stored are counted again (a new verdict can make a commit
// broken or green). Days not stored yet are left to the fill (fill-main-days.ts).
import type { Prisma } from "../generated/prisma/client.js";
import { mainDayRows, type MainDayKey } from "./main-day-rows.js";
import { lockMainDays, writeMainDays } from "./write-main-days.js";

const STORED_DAYS = `select distinct x."repositoryId"::text as repo, to_char(x.day, 'YYYY-MM-DD') as day
from "Job" j join "HeadCommit" h on h."repositoryId" = j."repositoryId" and h.sha = j."headSha"
join "MainBranchDay" x on x."repositoryId" = h."repositoryId" and x.day = h."createdAt"::date
where j.id = any($1::int[])`;

/** Stored days counted again; returns how many. */
export async function refreshMainDaysOfJobs(tx: Prisma.TransactionClient, jobIds: readonly number[]): Promise<number> {
  if (jobIds.length === 0) return 0;
  const found = await tx.$queryRawUnsafe<{ repo: string; day: string }[]>(STORED_DAYS, [...jobIds]);
  if (found.length === 0) return 0;
  const keys: MainDayKey[] = found.map((r) => ({ repositoryId: BigInt(r.repo), day: r.day }));
  await lockMainDays(tx, keys.map((k) => k.repositoryId));
  // a stored day is over: all of it counts
  await writeMainDays(tx, await mainDayRows(tx, keys, null));
  return keys.length;
}
