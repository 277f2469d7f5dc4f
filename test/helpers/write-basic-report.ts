// A stand-in writeReport stage for tests: a `Sift` check run listing the failed jobs. Job names come
// from workflow files anyone can edit in a PR: escaped, and @-mentions defused.
import { createHash } from "node:crypto";
import type { ProbotOctokit } from "probot";
import { CHECK_RUN_NAME, checkRunState, type AnalysisReport, type CheckRunRecord } from "../../src/model/index.js";

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, "\\$&").replace(/@/g, "@\u200b");
}

export function renderBasicReport(report: AnalysisReport) {
  const genuine = report.jobs.filter((j) => j.finalClass === "genuine").length;
  const { status, conclusion } = checkRunState(report);
  const n = report.jobs.length;
  const title = n === 0 ? "No failed jobs" : `${n} failed job${n === 1 ? "" : "s"}${genuine ? `, ${genuine} genuine` : ""}`;
  const lines = report.jobs.map(({ job, finalClass, failure }) => {
    const name = escapeMarkdown(job.workflowName ? `${job.workflowName} / ${job.name}` : job.name);
    const link = job.htmlUrl?.startsWith("http") ? `[${name}](${job.htmlUrl})` : name;
    return `- ${link}: **${finalClass}** — ${escapeMarkdown(failure.reason)}`;
  });
  const pending = report.pendingJobs ? [`\n${report.pendingJobs} job(s) still running; this report will be updated.`] : [];
  const summary = [`Failed jobs on \`${report.sha.slice(0, 12)}\`:`, "", ...lines, ...pending].join("\n").slice(0, 65_000);
  return { status, conclusion, title, summary } as const;
}

export async function writeBasicReport(octokit: ProbotOctokit, report: AnalysisReport, previous: CheckRunRecord | null): Promise<CheckRunRecord> {
  const { status, conclusion, title, summary } = renderBasicReport(report);
  const outputHash = createHash("sha256").update(JSON.stringify([status, conclusion, title, summary, report.detailsUrl])).digest("hex");
  if (previous && previous.outputHash === outputHash) return previous; // throttling makes every write cost ~1 s
  const body = {
    owner: report.repo.owner,
    repo: report.repo.name,
    details_url: report.detailsUrl,
    status,
    ...(conclusion ? { conclusion } : {}),
    output: { title, summary },
  };
  const { data } = previous?.checkRunId
    ? await octokit.rest.checks.update({ ...body, check_run_id: Number(previous.checkRunId) })
    : await octokit.rest.checks.create({ ...body, name: CHECK_RUN_NAME, head_sha: report.sha });
  return { checkRunId: String(data.id), status, conclusion, title, outputHash };
}
