// The check run's title: the whole verdict in words and numbers, readable in the PR's checks list.
import type { AnalysisReport, JobReport } from "../model/index.js";

export interface Tally {
  genuine: JobReport[];
  known: JobReport[];
  flaky: JobReport[];
}

export function tally(report: AnalysisReport): Tally {
  return {
    genuine: report.jobs.filter((j) => j.finalClass === "genuine"),
    known: report.jobs.filter((j) => j.finalClass === "known-problem"),
    flaky: report.jobs.filter((j) => j.finalClass === "flaky"),
  };
}

/** A flaky job Sift has asked to re-run, or will once its workflow run completes. */
export function isRerunning(job: JobReport): boolean {
  return job.retry?.state === "requested" || job.retry?.state === "waiting";
}

export function renderTitle(report: AnalysisReport): string {
  const { genuine, known, flaky } = tally(report);
  const parts: string[] = [];
  if (flaky.length > 0) parts.push(`${flaky.length} flaky${flaky.some(isRerunning) ? " (re-running)" : ""}`);
  if (known.length > 0) parts.push(`${known.length} known problem${known.length === 1 ? "" : "s"}`);
  if (genuine.length > 0) parts.push(`${genuine.length} to fix`);
  const waitingForFirst = report.required === true && report.knownJobs === 0;
  if (parts.length === 0) parts.push(report.pendingJobs > 0 || waitingForFirst ? "no failures so far" : "no failed jobs");
  if (report.pendingJobs > 0) parts.unshift(`waiting for ${report.pendingJobs} job${report.pendingJobs === 1 ? "" : "s"}`);
  else if (waitingForFirst) parts.unshift("waiting for a first job");
  if (report.timedOut && (report.pendingJobs > 0 || waitingForFirst)) parts[0] = `timed out ${parts[0]}`;
  const title = parts.join(", ");
  return title.charAt(0).toUpperCase() + title.slice(1);
}
