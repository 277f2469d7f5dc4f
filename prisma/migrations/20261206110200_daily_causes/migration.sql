-- CreateTable
CREATE TABLE "JobCause" (
    "jobId" INTEGER NOT NULL,
    "keyType" TEXT NOT NULL,
    "causeKey" TEXT NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT,
    "jobName" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobCause_pkey" PRIMARY KEY ("jobId","keyType","causeKey")
);

-- CreateTable
CREATE TABLE "DailyCause" (
    "repositoryId" BIGINT NOT NULL,
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

    CONSTRAINT "DailyCause_pkey" PRIMARY KEY ("repositoryId","day","verdict","keyType","causeKey")
);

-- CreateIndex
CREATE INDEX "JobCause_keyType_causeKey_day_idx" ON "JobCause"("keyType", "causeKey", "day");

-- CreateIndex
CREATE INDEX "DailyCause_keyType_causeKey_day_idx" ON "DailyCause"("keyType", "causeKey", "day");

-- AddForeignKey
ALTER TABLE "JobCause" ADD CONSTRAINT "JobCause_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyCause" ADD CONSTRAINT "DailyCause_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;
