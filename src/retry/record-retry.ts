// One Retry row per failed attempt and trigger: a later decision about the same attempt updates it, so
// that "re-run once per attempt" holds across re-analyses.
import type { PrismaClient } from "../generated/prisma/client.js";

export interface RetryRecord {
  repositoryId: number;
  jobId: number;
  attempt: number;
  method: string;
  trigger: "auto" | "command";
  requestedBy?: string | null;
  status: "requesting" | "requested" | "waiting" | "held" | "failed" | "superseded";
  reason: string | null;
  cause: string | null;
  notBefore: Date | null;
}

/** Returns the row's id. A row still "requesting" (a crash mid-request) is the same request: reused. */
export async function recordRetry(prisma: PrismaClient, r: RetryRecord): Promise<number> {
  const existing = await prisma.retry.findFirst({ where: { jobId: r.jobId, trigger: r.trigger, status: { in: ["waiting", "held", "requesting"] } }, orderBy: { id: "desc" } });
  const data = { method: r.method, status: r.status, reason: r.reason, cause: r.cause, notBefore: r.notBefore, attempt: r.attempt, requestedBy: r.requestedBy ?? null };
  if (existing) {
    await prisma.retry.update({ where: { id: existing.id }, data });
    return existing.id;
  }
  const created = await prisma.retry.create({ data: { ...data, repositoryId: BigInt(r.repositoryId), jobId: r.jobId, trigger: r.trigger } });
  return created.id;
}
