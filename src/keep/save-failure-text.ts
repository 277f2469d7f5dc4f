// Stores (or replaces) a failed job's kept text, compressed.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { FailureText } from "./failure-text.js";
import { KEEP_ENCODING, packText } from "./pack.js";

export async function saveFailureText(prisma: PrismaClient, at: { jobId: number; repositoryId: number | bigint; now: Date }, kept: FailureText): Promise<number> {
  const body = await packText(kept.text);
  const data = {
    repositoryId: BigInt(at.repositoryId),
    encoding: KEEP_ENCODING,
    body: new Uint8Array(body),
    textBytes: Buffer.byteLength(kept.text, "utf8"),
    fullBytes: kept.fullBytes,
    firstLine: kept.firstLine,
    stepStart: kept.stepStart,
    stepEnd: kept.stepEnd,
    lineCount: kept.lineCount,
    format: kept.format,
    stepName: kept.stepName,
    stepReason: kept.stepReason,
    truncatedHeadBytes: kept.truncatedHeadBytes,
    // A re-analysis downloads the log again: the text is as fresh as that download.
    createdAt: at.now,
  };
  await prisma.failureText.upsert({ where: { jobId: at.jobId }, create: { jobId: at.jobId, ...data }, update: data });
  return body.length;
}
