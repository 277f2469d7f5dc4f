-- AlterTable
ALTER TABLE "Retry" ADD COLUMN     "runAttempt" INTEGER;
