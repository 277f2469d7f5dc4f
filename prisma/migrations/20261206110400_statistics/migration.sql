-- CreateTable
CREATE TABLE "StatisticValue" (
    "id" SERIAL NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "statisticId" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "jobId" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatisticValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatisticLog" (
    "id" SERIAL NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "installationId" BIGINT NOT NULL,
    "jobId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "StatisticLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StatisticValue_jobId_statisticId_group_key" ON "StatisticValue"("jobId", "statisticId", "group");

-- CreateIndex
CREATE INDEX "StatisticValue_repositoryId_statisticId_at_idx" ON "StatisticValue"("repositoryId", "statisticId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "StatisticLog_jobId_key" ON "StatisticLog"("jobId");

-- CreateIndex
CREATE INDEX "StatisticLog_state_notBefore_idx" ON "StatisticLog"("state", "notBefore");

-- CreateIndex
CREATE INDEX "StatisticLog_repositoryId_state_doneAt_idx" ON "StatisticLog"("repositoryId", "state", "doneAt");
