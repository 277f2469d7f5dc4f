-- CreateIndex
CREATE INDEX "Classification_updatedAt_idx" ON "Classification"("updatedAt");
