-- Merge queues and Sift as a required check: SHAs whose check must conclude without a failure, the
-- start of the required wait, ejections per cause, and the lease of the webhook backfill.
ALTER TABLE "HeadCommit" ADD COLUMN "required" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "CheckRun" ADD COLUMN "waitingSince" TIMESTAMP(3);

CREATE TABLE "MergeQueueEjection" (
    "id" SERIAL NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "headSha" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "causes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MergeQueueEjection_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BackfillLease" (
    "repositoryId" BIGINT NOT NULL,
    "owner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),

    CONSTRAINT "BackfillLease_pkey" PRIMARY KEY ("repositoryId")
);

CREATE UNIQUE INDEX "MergeQueueEjection_repositoryId_headSha_key" ON "MergeQueueEjection"("repositoryId", "headSha");
CREATE INDEX "MergeQueueEjection_repositoryId_createdAt_idx" ON "MergeQueueEjection"("repositoryId", "createdAt");
