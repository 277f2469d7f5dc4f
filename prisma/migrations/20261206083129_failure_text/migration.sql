-- CreateTable
CREATE TABLE "FailureText" (
    "jobId" INTEGER NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "encoding" TEXT NOT NULL,
    "body" BYTEA NOT NULL,
    "textBytes" INTEGER NOT NULL,
    "fullBytes" INTEGER NOT NULL,
    "firstLine" INTEGER NOT NULL,
    "stepStart" INTEGER NOT NULL,
    "stepEnd" INTEGER NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "stepName" TEXT,
    "stepReason" TEXT NOT NULL,
    "truncatedHeadBytes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FailureText_pkey" PRIMARY KEY ("jobId")
);

-- CreateIndex
CREATE INDEX "FailureText_repositoryId_createdAt_idx" ON "FailureText"("repositoryId", "createdAt");

-- CreateIndex
CREATE INDEX "FailureText_createdAt_idx" ON "FailureText"("createdAt");

-- AddForeignKey
ALTER TABLE "FailureText" ADD CONSTRAINT "FailureText_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
