-- AlterTable
ALTER TABLE "Classification" ADD COLUMN     "observedPatternIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "RepositoryPatternSet" (
    "repositoryId" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "patterns" JSONB NOT NULL,
    "demote" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RepositoryPatternSet_pkey" PRIMARY KEY ("repositoryId")
);
