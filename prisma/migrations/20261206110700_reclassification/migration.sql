-- CreateTable
CREATE TABLE "Reclassification" (
    "repositoryId" BIGINT NOT NULL,
    "targetHash" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT NOT NULL,
    "cursorJobId" INTEGER NOT NULL DEFAULT 0,
    "since" TIMESTAMP(3) NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "examined" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reclassification_pkey" PRIMARY KEY ("repositoryId")
);

-- CreateTable
CREATE TABLE "BuiltinsVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "hash" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BuiltinsVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reclassification_state_leaseUntil_idx" ON "Reclassification"("state", "leaseUntil");
