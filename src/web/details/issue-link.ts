// "Report as issue": a link that opens GitHub's new-issue form prefilled with the failure. The
// body is markdown, so log text goes in an unclosable fence; the URL stays well under GitHub's limit.
import { clipLines } from "../../report/job-line.js";
import { fenced, inline, safeUrl } from "../../report/markdown.js";
import type { DetailsJob } from "../details-data.js";

const MAX_URL = 7_000;

export function reportIssueUrl(githubWebUrl: string, repo: { owner: string; name: string }, sha: string, job: DetailsJob, pageUrl: string): string {
  const name = job.workflowName ? `${job.workflowName} / ${job.name}` : job.name;
  const title = `CI failure in ${name}: ${job.reason}`.slice(0, 200);
  const base = `${githubWebUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/issues/new`;
  // Shrink the excerpt until the URL fits: first fewer lines, then shorter ones, at last none.
  for (const [lines, width] of [[40, 300], [15, 200], [5, 120], [2, 80], [0, 0]] as const) {
    const body = [
      `Job **${inline(name, 200)}** failed on ${sha}.`,
      "",
      `Cause: ${inline(job.reason, 500)}${job.patternId ? ` (pattern \`${job.patternId.replace(/`/g, "")}\`)` : ""}`,
      safeUrl(job.htmlUrl) ? `Job: ${safeUrl(job.htmlUrl)}` : "",
      `Sift: ${pageUrl}`,
      "",
      lines > 0 && job.excerpt ? fenced(clipLines(job.excerpt, lines, width)) : "",
    ].join("\n");
    const url = `${base}?${new URLSearchParams({ title, body }).toString()}`;
    if (url.length <= MAX_URL) return url;
  }
  return `${base}?${new URLSearchParams({ title }).toString()}`;
}
