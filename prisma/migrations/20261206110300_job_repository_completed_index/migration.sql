-- CreateIndex
CREATE INDEX "Job_repositoryId_completedAt_idx" ON "Job"("repositoryId", "completedAt");
