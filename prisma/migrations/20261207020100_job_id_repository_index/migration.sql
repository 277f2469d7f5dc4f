-- CreateIndex
CREATE INDEX "Job_id_repositoryId_idx" ON "Job"("id", "repositoryId");
