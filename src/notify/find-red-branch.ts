// The default branch turned red for a genuine reason: this commit is on it, has a genuine failure, no
// newer settled commit is green, and the broken period it belongs to (decide/red-period.ts) is named
// by the last green commit before it: the outbox key.
import type { SqlSession } from "../db/index.js";
import { redPeriodAnchor, type BranchCommit } from "../decide/index.js";
import type { AnalysisReport } from "../model/index.js";
import type { Notification } from "./enqueue-notification.js";
import { defaultBranchRedMessage } from "./slack-messages.js";

const LOOK_BACK = 50;

// The history page's rule (web/metrics/history-metrics.ts): settled = analysed, or all its jobs completed.
const BRANCH_COMMITS = `
select h.sha, r."defaultBranch" as branch,
  (h.state = 'done' or (h.state = 'idle'
    and exists (select 1 from "Job" j where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha)
    and not exists (select 1 from "Job" j where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha and j.status <> 'completed'))) as settled,
  exists (select 1 from "Job" j join "Classification" c on c."jobId" = j.id
          where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha and c.verdict in ('genuine', 'known_problem')) as red
from "HeadCommit" h join "Repository" r on r.id = h."repositoryId"
where h."repositoryId" = $1 and h.branch = r."defaultBranch"
order by h."createdAt" desc, h.id desc limit ${LOOK_BACK}`;

const yes = (v: unknown) => v === true || v === "t";

export async function findRedBranch(sql: SqlSession, report: AnalysisReport, where: { installationId: number; githubWebUrl: string }): Promise<Notification[]> {
  const genuine = report.jobs.filter((j) => j.finalClass === "genuine");
  if (genuine.length === 0) return [];
  const rows = await sql.query(BRANCH_COMMITS, [report.repo.id]);
  const commits: BranchCommit[] = rows.map((r) => ({ sha: String(r.sha), settled: yes(r.settled) || r.sha === report.sha, red: yes(r.red) }));
  const anchor = redPeriodAnchor(commits, report.sha, { complete: rows.length < LOOK_BACK });
  if (anchor === null) return [];
  const repo = `${report.repo.owner}/${report.repo.name}`;
  const message = defaultBranchRedMessage({
    repo,
    branch: String(rows[0]?.branch ?? ""),
    sha: report.sha,
    commitUrl: `${where.githubWebUrl}/${repo}/commit/${report.sha}`,
    reportUrl: report.repo.private ? null : report.detailsUrl,
    jobs: genuine.map((j) => ({ name: j.job.name, line: j.failure.matchedText || null })),
  });
  return [{ key: `default_branch_red:${report.repo.id}:${anchor}`, event: "default_branch_red", installationId: where.installationId, repositoryId: Number(report.repo.id), message }];
}
