// Small builders for decide/ tests: one job, one verdict, one retry context. Each test overrides what it tests.
import { attemptsOf, isFailedConclusion, latestAttempts, type AnalysisReport, type ClassifiedFailure, type JobInfo } from "../../src/model/index.js";
import type { RetryContext } from "../../src/decide/index.js";

export const NOW = new Date("2026-11-23T12:00:00Z");

let nextId = 1;

export function job(over: Partial<JobInfo> = {}): JobInfo {
  const id = over.id ?? nextId++;
  return {
    id,
    provider: "actions",
    externalId: String(1000 + id),
    name: "test (1, 3, linux.2xlarge)",
    workflowName: "CI",
    runId: "500",
    runAttempt: 1,
    conclusion: "failure",
    htmlUrl: `https://github.com/o/r/actions/runs/500/job/${1000 + id}`,
    headSha: "a".repeat(40),
    headBranch: "feature",
    prNumbers: [7],
    startedAt: new Date(NOW.getTime() - 20 * 60_000),
    completedAt: new Date(NOW.getTime() - 10 * 60_000),
    ...over,
  };
}

export function flaky(over: Partial<ClassifiedFailure> = {}): ClassifiedFailure {
  return {
    class: "flaky",
    patternId: "gha.runner-lost",
    category: "runner",
    reason: "The runner stopped talking to GitHub.",
    line: 10,
    excerpt: "lost communication with the server",
    matchedText: "lost communication with the server",
    signature: "sig-runner-lost",
    retry: { enabled: true },
    issue: null,
    step: "Run tests",
    notes: [],
    ...over,
  };
}

export function genuine(over: Partial<ClassifiedFailure> = {}): ClassifiedFailure {
  return flaky({ class: "genuine", patternId: null, category: null, reason: "No known pattern matched.", signature: "sig-assert-foo", retry: null, matchedText: null, excerpt: "AssertionError: foo", ...over });
}

export function retryContext(over: Partial<RetryContext> = {}): RetryContext {
  return {
    policy: { enabled: true, max_attempts: 3, budget_per_hour: 20, exclude_workflows: ["*deploy*", "*release*", "*publish*"] },
    retriesLastHour: 0,
    flakyLastHour: 0,
    outages: [],
    previous: [],
    backoffBaseSeconds: 60,
    ...over,
  };
}

/** The report collectJobs + classify would hand decide: latest failed attempts with their verdicts. */
export function classifiedReport(jobs: JobInfo[], failures: Map<number, ClassifiedFailure>): AnalysisReport {
  const failed = latestAttempts(jobs).filter((j) => isFailedConclusion(j.conclusion));
  return {
    repo: { id: "1", owner: "o", name: "r", private: false },
    sha: "a".repeat(40),
    prNumbers: [7],
    pendingJobs: 0,
    jobs: failed.map((j) => {
      const failure = failures.get(j.id) ?? genuine({ reason: "not classified" });
      return { job: j, failure, finalClass: failure.class, knownProblem: null, retry: null, attempts: attemptsOf(j, jobs) };
    }),
    configProblems: [],
    notes: [],
    detailsUrl: "http://sift.test/r/o/r/commit/aaa",
  };
}
