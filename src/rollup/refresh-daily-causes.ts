// Sums DailyCause rows again from JobCause for the given (repository, day, verdict, cause) groups:
// a group with no job left disappears.
import type { Prisma } from "../generated/prisma/client.js";

export interface DailyGroup {
  repositoryId: bigint;
  /** YYYY-MM-DD, UTC. */
  day: string;
  verdict: string;
  keyType: string;
  causeKey: string;
}

const GROUPS = `select * from unnest($1::text[]::bigint[], $2::text[]::date[], $3::text[]::"Verdict"[], $4::text[], $5::text[]) as g(r, d, v, t, k)`;
const SAME = `x."repositoryId" = g.r and x.day = g.d and x.verdict = g.v and x."keyType" = g.t and x."causeKey" = g.k`;

const DELETE = `delete from "DailyCause" x using (${GROUPS}) g where ${SAME}`;

export const SUM_DAILY_CAUSES = `
select x."repositoryId", x.day, x.verdict, x."keyType", x."causeKey", min(x.kind), min(x.category), count(*)::int, coalesce(sum(x.seconds), 0)::int,
  min(x.at), max(x.at), (array_agg(x."jobId" order by x.at desc, x."jobId" desc))[1]
from "JobCause" x`;
const COLUMNS = `("repositoryId", day, verdict, "keyType", "causeKey", kind, category, count, seconds, "firstSeen", "lastSeen", "latestJobId")`;
const INSERT = `insert into "DailyCause" ${COLUMNS} ${SUM_DAILY_CAUSES} join (${GROUPS}) g on ${SAME} group by 1, 2, 3, 4, 5`;

/** Every DailyCause row summed again from JobCause (the rebuild); then REBUILD_CAUSE_SERIES and REBUILD_ORG_CAUSES. */
export const REBUILD_DAILY_CAUSES = [`delete from "DailyCause"`, `insert into "DailyCause" ${COLUMNS} ${SUM_DAILY_CAUSES} group by 1, 2, 3, 4, 5`];

export async function refreshDailyCauses(tx: Prisma.TransactionClient, groups: readonly DailyGroup[]): Promise<void> {
  if (groups.length === 0) return;
  const params = [groups.map((g) => g.repositoryId.toString()), groups.map((g) => g.day), groups.map((g) => g.verdict), groups.map((g) => g.keyType), groups.map((g) => g.causeKey)];
  await tx.$executeRawUnsafe(DELETE, ...params);
  await tx.$executeRawUnsafe(INSERT, ...params);
}
