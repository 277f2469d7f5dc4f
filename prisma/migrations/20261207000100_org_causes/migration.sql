-- AlterTable
ALTER TABLE "DailyCause" ADD COLUMN     "jobsLast" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "repoLast" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "OrgDailyCause" (
    "owner" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "keyType" TEXT NOT NULL,
    "causeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT,
    "count" INTEGER NOT NULL,
    "seconds" INTEGER NOT NULL,
    "firstSeen" TIMESTAMP(3) NOT NULL,
    "lastSeen" TIMESTAMP(3) NOT NULL,
    "latestJobId" INTEGER NOT NULL,
    "jobsLast" INTEGER NOT NULL,
    "reposLast" INTEGER NOT NULL,

    CONSTRAINT "OrgDailyCause_pkey" PRIMARY KEY ("owner","keyType","causeKey","verdict","day")
);

-- CreateTable
CREATE TABLE "OrgCauseRepository" (
    "owner" TEXT NOT NULL,
    "repositoryId" BIGINT NOT NULL,

    CONSTRAINT "OrgCauseRepository_pkey" PRIMARY KEY ("owner","repositoryId")
);

-- CreateIndex
CREATE INDEX "JobCause_repositoryId_keyType_causeKey_idx" ON "JobCause"("repositoryId", "keyType", "causeKey");

-- Backfill: the series latest days and the owners rollup, summed from the rollup kept so far (src/rollup/ keeps them from now on)
update "DailyCause" x set "jobsLast" = p.n from (
  select r, v, t, k, day, count(*)::int as n from (select "repositoryId" as r, verdict as v, "keyType" as t, "causeKey" as k, max(day) as day from "JobCause" group by 1, 2, 3, 4, "jobName") l group by 1, 2, 3, 4, 5
  ) p where x."repositoryId" = p.r and x.day = p.day and x.verdict = p.v and x."keyType" = p.t and x."causeKey" = p.k;

update "DailyCause" x set "repoLast" = 1 from (
  select "repositoryId" as r, verdict as v, "keyType" as t, "causeKey" as k, max(day) as day from "JobCause" group by 1, 2, 3, 4
  ) p where x."repositoryId" = p.r and x.day = p.day and x.verdict = p.v and x."keyType" = p.t and x."causeKey" = p.k;

insert into "OrgDailyCause" (owner, day, verdict, "keyType", "causeKey", kind, category, count, seconds, "firstSeen", "lastSeen", "latestJobId", "jobsLast", "reposLast") 
  select lower(r.owner), d.day, d.verdict, d."keyType", d."causeKey", min(d.kind), min(d.category), sum(d.count)::int, sum(d.seconds)::int,
  min(d."firstSeen"), max(d."lastSeen"), (array_agg(d."latestJobId" order by d."lastSeen" desc, d."latestJobId" desc))[1], sum(d."jobsLast")::int, sum(d."repoLast")::int
  from "DailyCause" d join "Repository" r on r.id = d."repositoryId" group by 1, 2, 3, 4, 5;

insert into "OrgCauseRepository" (owner, "repositoryId") select distinct lower(r.owner), r.id from "Repository" r where exists (select 1 from "DailyCause" d where d."repositoryId" = r.id);
