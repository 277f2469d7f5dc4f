-- CreateTable
CREATE TABLE "CauseFirstSeen" (
    "repositoryId" BIGINT NOT NULL,
    "keyType" TEXT NOT NULL,
    "causeKey" TEXT NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "CauseFirstSeen_pkey" PRIMARY KEY ("repositoryId","keyType","causeKey")
);

-- AddForeignKey
ALTER TABLE "CauseFirstSeen" ADD CONSTRAINT "CauseFirstSeen_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: each cause's first day in its repository, from the rollup kept so far (src/rollup/ keeps it from now on)
insert into "CauseFirstSeen" ("repositoryId", "keyType", "causeKey", day) select d."repositoryId", d."keyType", d."causeKey", min(d.day) from "DailyCause" d group by 1, 2, 3;
