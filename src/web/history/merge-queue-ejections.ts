// Merge groups ejected from the queue after a failure, per cause, for the repository history page
// and its JSON (ingest/record-ejection.ts writes them). A group with several causes counts for each.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { EJECTION_CAUSES, type EjectionCause } from "../../ingest/index.js";
import { Html, html } from "../html.js";

const DAY = 24 * 3600 * 1000;

export interface EjectionCounts {
  days: number;
  /** Merge groups ejected. */
  groups: number;
  causes: { cause: EjectionCause; groups: number }[];
}

export async function ejectionCounts(prisma: PrismaClient, repositoryId: bigint, now: Date, days: number): Promise<EjectionCounts> {
  const rows = await prisma.mergeQueueEjection.findMany({
    where: { repositoryId, createdAt: { gte: new Date(now.getTime() - days * DAY) } },
    select: { causes: true },
  });
  const causes = EJECTION_CAUSES.map((cause) => ({ cause, groups: rows.filter((r) => r.causes.includes(cause)).length })).filter((c) => c.groups > 0);
  return { days, groups: rows.length, causes: causes.sort((a, b) => b.groups - a.groups) };
}

const CAUSE_TEXT: Record<EjectionCause, string> = {
  genuine: "a failure to fix",
  flaky: "a flaky failure",
  "known-problem": "a known problem",
  "timed-out": "Sift timed out waiting for jobs",
  unanalysed: "a failure not analysed yet",
};

/** The page's section; nothing for a repository whose queue ejected nothing (or that has no queue). */
export function ejectionSection(e: EjectionCounts): Html {
  if (e.groups === 0) return new Html("");
  const rows = e.causes.map((c) => html`<tr><td>${CAUSE_TEXT[c.cause]} <span class="note">${c.cause}</span></td><td class="num">${c.groups}</td></tr>`);
  return html`<section class="panel" id="merge-queue"><h2>Merge queue ejections, last ${e.days} days</h2><p class="big"><strong>${e.groups}</strong> merge group${e.groups === 1 ? "" : "s"} left the queue after a failure.</p><div class="scroll"><table><thead><tr><th>Cause</th><th class="num">Groups</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}
