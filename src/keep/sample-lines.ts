// Lines of a repository's newest stored failures: the sample a new pattern is checked against
// (one that matches most of them is too broad to tell a cause).
import type { PrismaClient } from "../generated/prisma/client.js";
import { failureTextFromRow } from "./load-failure-text.js";

export async function sampleFailureLines(prisma: PrismaClient, repositoryId: number | bigint, opts: { failures?: number; lines?: number } = {}): Promise<string[]> {
  const rows = await prisma.failureText.findMany({ where: { repositoryId: BigInt(repositoryId) }, orderBy: { createdAt: "desc" }, take: opts.failures ?? 20 });
  const perFailure = Math.ceil((opts.lines ?? 5000) / Math.max(1, rows.length));
  const lines: string[] = [];
  for (const row of rows) {
    const text = (await failureTextFromRow(row)).text;
    // The tail of each: where failures are, and what a pattern will be matched against.
    lines.push(...text.split("\n").filter((l) => l.trim() !== "").slice(-perFailure));
  }
  return lines;
}
