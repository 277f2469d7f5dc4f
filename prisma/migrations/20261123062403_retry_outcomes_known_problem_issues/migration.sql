-- AlterTable
ALTER TABLE "Retry" ADD COLUMN     "attempt" INTEGER,
ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "outcomeAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "KnownProblemIssue" (
    "id" SERIAL NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "htmlUrl" TEXT NOT NULL,
    "jobGlobs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "patterns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "open" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnownProblemIssue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KnownProblemIssue_repositoryId_number_key" ON "KnownProblemIssue"("repositoryId", "number");

-- CreateIndex
CREATE INDEX "Retry_status_cause_idx" ON "Retry"("status", "cause");

-- AddForeignKey
ALTER TABLE "KnownProblemIssue" ADD CONSTRAINT "KnownProblemIssue_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;
