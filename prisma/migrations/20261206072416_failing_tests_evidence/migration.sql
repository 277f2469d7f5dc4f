-- AlterTable
ALTER TABLE "Classification" ADD COLUMN     "confidence" TEXT,
ADD COLUMN     "evidence" JSONB;

-- AlterTable
ALTER TABLE "KnownProblemIssue" ADD COLUMN     "flakyTestIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "knownProblem" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "FailingTest" (
    "id" SERIAL NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "jobId" INTEGER NOT NULL,
    "testKey" TEXT NOT NULL,
    "testId" TEXT NOT NULL,
    "file" TEXT,
    "runnerFlaky" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FailingTest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FailingTest_repositoryId_testKey_idx" ON "FailingTest"("repositoryId", "testKey");

-- CreateIndex
CREATE INDEX "FailingTest_jobId_idx" ON "FailingTest"("jobId");

-- AddForeignKey
ALTER TABLE "FailingTest" ADD CONSTRAINT "FailingTest_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailingTest" ADD CONSTRAINT "FailingTest_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
