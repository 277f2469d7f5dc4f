// Finds again the first day of the given (repository, cause) pairs from DailyCause, any verdict: a
// pair with no daily row left disappears, one whose earliest day went (a re-classified job) moves later.
import type { Prisma } from "../generated/prisma/client.js";

export interface CauseOfRepository {
  repositoryId: bigint;
  keyType: string;
  causeKey: string;
}

const PAIRS = `select * from unnest($1::text[]::bigint[], $2::text[], $3::text[]) as g(r, t, k)`;
const COLUMNS = `("repositoryId", "keyType", "causeKey", day)`;
const FIRST = `select d."repositoryId", d."keyType", d."causeKey", min(d.day) from "DailyCause" d`;

const DELETE = `delete from "CauseFirstSeen" x using (${PAIRS}) g where x."repositoryId" = g.r and x."keyType" = g.t and x."causeKey" = g.k`;
// Each pair looked up by itself (a primary-key range of DailyCause), never a join the planner may hash over the whole table.
const INSERT = `insert into "CauseFirstSeen" ${COLUMNS}
select g.r, g.t, g.k, f.day from (select distinct r, t, k from (${PAIRS}) p) g
cross join lateral (select min(d.day) as day from "DailyCause" d where d."repositoryId" = g.r and d."keyType" = g.t and d."causeKey" = g.k) f
where f.day is not null`;

/** Every CauseFirstSeen row found again from DailyCause (the rebuild and the migration), after REBUILD_DAILY_CAUSES. */
export const REBUILD_FIRST_SEEN = [`delete from "CauseFirstSeen"`, `insert into "CauseFirstSeen" ${COLUMNS} ${FIRST} group by 1, 2, 3`];

/** Call after the pairs' DailyCause rows are summed again, in the same transaction. */
export async function refreshFirstSeen(tx: Prisma.TransactionClient, pairs: readonly CauseOfRepository[]): Promise<void> {
  if (pairs.length === 0) return;
  const params = [pairs.map((p) => p.repositoryId.toString()), pairs.map((p) => p.keyType), pairs.map((p) => p.causeKey)];
  await tx.$executeRawUnsafe(DELETE, ...params);
  await tx.$executeRawUnsafe(INSERT, ...params);
}
