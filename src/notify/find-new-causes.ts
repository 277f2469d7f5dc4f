// New causes that start recurring (decide/new-cause.ts states the rule): for each signature of this
// report's genuine failures, when it was first seen in the repository, on how many jobs and pull requests.
import { createHash } from "node:crypto";
import type { SqlSession } from "../db/index.js";
import { isNewRecurringCause, type CauseSpread } from "../decide/index.js";
import type { AnalysisReport } from "../model/index.js";
import type { Notification } from "./enqueue-notification.js";
import { newCauseMessage } from "./slack-messages.js";

// Pull requests from the job (check runs carry them) and from the head commit (pull_request events).
const SPREAD = `
select min(c."createdAt") as first_seen, count(distinct j.id)::int as jobs, count(distinct pr)::int as prs
from "Classification" c
join "Job" j on j.id = c."jobId"
left join "HeadCommit" h on h."repositoryId" = j."repositoryId" and h.sha = j."headSha"
left join lateral unnest(j."prNumbers" || coalesce(h."prNumbers", '{}'::int[])) as pr on true
where j."repositoryId" = $1 and c.signature = $2`;

export async function causeSpread(sql: SqlSession, repositoryId: string, signature: string): Promise<CauseSpread | null> {
  const [row] = await sql.query(SPREAD, [repositoryId, signature]);
  if (!row?.first_seen) return null;
  return { firstSeen: new Date(row.first_seen as string | Date), jobs: Number(row.jobs), pullRequests: Number(row.prs) };
}

export async function findNewCauses(sql: SqlSession, report: AnalysisReport, where: { installationId: number; now: Date }): Promise<Notification[]> {
  const bySignature = new Map<string, string>();
  for (const j of report.jobs) {
    const s = j.failure.signature;
    if (j.finalClass === "genuine" && s && !bySignature.has(s)) bySignature.set(s, j.failure.matchedText || s);
  }
  const found: Notification[] = [];
  for (const [signature, line] of bySignature) {
    const spread = await causeSpread(sql, report.repo.id, signature);
    if (!spread || !isNewRecurringCause(spread, where.now)) continue;
    const id = createHash("sha256").update(signature).digest("hex").slice(0, 24);
    const repo = `${report.repo.owner}/${report.repo.name}`;
    const message = newCauseMessage({ repo, line, jobs: spread.jobs, pullRequests: spread.pullRequests, firstSeen: spread.firstSeen, reportUrl: report.repo.private ? null : report.detailsUrl });
    found.push({ key: `new_cause:${report.repo.id}:${id}`, event: "new_cause", installationId: where.installationId, repositoryId: Number(report.repo.id), message });
  }
  return found;
}
