// Sums OrgDailyCause rows again from DailyCause for the given (owner, day, verdict, cause) groups, over
// the repositories whose owner it is now, and notes which repositories each owner's rollup sums
// (OrgCauseRepository), so a page can tell when a repository moved and the sums no longer fit.
import type { Prisma } from "../generated/prisma/client.js";

export interface OrgGroup {
  /** Repository.owner, lower-cased. */
  owner: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  verdict: string;
  keyType: string;
  causeKey: string;
}

const GROUPS = `select * from unnest($1::text[], $2::text[]::date[], $3::text[]::"Verdict"[], $4::text[], $5::text[]) as g(o, d, v, t, k)`;
const COLUMNS = `(owner, day, verdict, "keyType", "causeKey", kind, category, count, seconds, "firstSeen", "lastSeen", "latestJobId", "jobsLast", "reposLast")`;
// The latest job: the newest of the repositories' latest ones (as DailyCause orders its jobs: time, then id).
const SUM = `
select lower(r.owner), d.day, d.verdict, d."keyType", d."causeKey", min(d.kind), min(d.category), sum(d.count)::int, sum(d.seconds)::int,
  min(d."firstSeen"), max(d."lastSeen"), (array_agg(d."latestJobId" order by d."lastSeen" desc, d."latestJobId" desc))[1], sum(d."jobsLast")::int, sum(d."repoLast")::int
from "DailyCause" d join "Repository" r on r.id = d."repositoryId"`;

const DELETE = `delete from "OrgDailyCause" x using (${GROUPS}) g where x.owner = g.o and x.day = g.d and x.verdict = g.v and x."keyType" = g.t and x."causeKey" = g.k`;
const INSERT = `insert into "OrgDailyCause" ${COLUMNS} ${SUM}
join (${GROUPS}) g on d."keyType" = g.t and d."causeKey" = g.k and d.day = g.d and d.verdict = g.v and lower(r.owner) = g.o group by 1, 2, 3, 4, 5`;
const SCOPE = `insert into "OrgCauseRepository" (owner, "repositoryId") select lower(owner), id from "Repository" where id = any($1::text[]::bigint[]) on conflict do nothing`;

/** Every OrgDailyCause row summed again from DailyCause (the rebuild and the migration). */
export const REBUILD_ORG_CAUSES = [
  `delete from "OrgDailyCause"`,
  `delete from "OrgCauseRepository"`,
  `insert into "OrgDailyCause" ${COLUMNS} ${SUM} group by 1, 2, 3, 4, 5`,
  `insert into "OrgCauseRepository" (owner, "repositoryId") select distinct lower(r.owner), r.id from "Repository" r where exists (select 1 from "DailyCause" d where d."repositoryId" = r.id)`,
];

export async function refreshOrgCauses(tx: Prisma.TransactionClient, groups: readonly OrgGroup[], repositoryIds: readonly bigint[]): Promise<void> {
  if (repositoryIds.length > 0) await tx.$executeRawUnsafe(SCOPE, repositoryIds.map(String));
  if (groups.length === 0) return;
  const params = [groups.map((g) => g.owner), groups.map((g) => g.day), groups.map((g) => g.verdict), groups.map((g) => g.keyType), groups.map((g) => g.causeKey)];
  await tx.$executeRawUnsafe(DELETE, ...params);
  await tx.$executeRawUnsafe(INSERT, ...params);
}
