// Reads a repository's stored failure texts of a window, newest first, a page at a time, and hands
// each decompressed text to `visit`, within a budget of time and of decompressed bytes: a search or a
// suggestion's backtest never holds a request (or the database) for long, and says when it was cut.
import type { FailureText as FailureTextRow, PrismaClient } from "../generated/prisma/client.js";
import { failureTextFromRow } from "./load-failure-text.js";
import type { FailureText } from "./failure-text.js";

export interface ScanBudget {
  maxMs: number;
  /** Decompressed UTF-8 bytes read at most. */
  maxBytes: number;
  /** The clock (performance.now by default). */
  now?: () => number;
}

export interface ScannedFailure {
  jobId: number;
  at: Date;
  kept: FailureText;
}

export interface ScanResult {
  /** Stored failures read. */
  scanned: number;
  bytes: number;
  /** Why the window was not read to its end, or null. */
  cut: string | null;
}

const PAGE = 50;

export async function scanFailureTexts(
  prisma: PrismaClient,
  q: { repositoryId: bigint; since: Date },
  budget: ScanBudget,
  visit: (failure: ScannedFailure) => void,
): Promise<ScanResult> {
  const now = budget.now ?? (() => performance.now());
  const deadline = now() + budget.maxMs;
  const result: ScanResult = { scanned: 0, bytes: 0, cut: null };
  let before: { createdAt: Date; jobId: number } | null = null;
  for (;;) {
    const rows: FailureTextRow[] = await prisma.failureText.findMany({
      where: {
        repositoryId: q.repositoryId,
        createdAt: { gte: q.since },
        ...(before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, jobId: { lt: before.jobId } }] } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { jobId: "desc" }],
      take: PAGE,
    });
    for (const row of rows) {
      if (result.bytes >= budget.maxBytes) return { ...result, cut: `stopped after ${mib(result.bytes)} of stored text (the budget is ${mib(budget.maxBytes)})` };
      if (now() > deadline) return { ...result, cut: `stopped after ${budget.maxMs} ms (the time budget)` };
      const kept = await failureTextFromRow(row);
      result.scanned++;
      result.bytes += row.textBytes;
      visit({ jobId: row.jobId, at: row.createdAt, kept });
    }
    if (rows.length < PAGE) return result;
    const last = rows[rows.length - 1] as FailureTextRow;
    before = { createdAt: last.createdAt, jobId: last.jobId };
  }
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
