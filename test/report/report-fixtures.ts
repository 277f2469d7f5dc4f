// Builders for analysis reports: plain data, deep-copied per call so tests can mutate freely.
import type { AnalysisReport, ClassifiedFailure, JobReport, VerdictClass } from "../../src/model/index.js";

let nextId = 1;

export function failure(overrides: Partial<ClassifiedFailure> = {}): ClassifiedFailure {
  return {
    class: "genuine",
    patternId: null,
    category: null,
    reason: "no known pattern matched",
    line: 120,
    excerpt: "> jest\nFAIL src/sum.test.ts\n  expect(received).toBe(expected)\nTests: 1 failed",
    matchedText: null,
    signature: null,
    retry: null,
    issue: null,
    step: "Run tests",
    notes: [],
    ...overrides,
  };
}

export function jobReport(finalClass: VerdictClass, overrides: Partial<JobReport> = {}, name = `job ${nextId}`): JobReport {
  const id = nextId++;
  return {
    job: {
      id,
      provider: "actions",
      externalId: String(1000 + id),
      name,
      workflowName: "CI",
      runId: "555",
      runAttempt: 1,
      conclusion: "failure",
      htmlUrl: `https://github.com/octo/widgets/actions/runs/555/job/${1000 + id}`,
      headSha: "a".repeat(40),
      headBranch: "feature",
      prNumbers: [7],
      startedAt: null,
      completedAt: null,
    },
    failure: failure({ class: finalClass }),
    finalClass,
    knownProblem: null,
    retry: null,
    attempts: [],
    ...overrides,
  };
}

export function report(jobs: JobReport[], overrides: Partial<AnalysisReport> = {}): AnalysisReport {
  return structuredClone({
    repo: { id: "1", owner: "octo", name: "widgets", private: false },
    sha: "a".repeat(40),
    prNumbers: [7],
    pendingJobs: 0,
    jobs,
    configProblems: [],
    notes: [],
    detailsUrl: `https://sift.example/r/octo/widgets/commit/${"a".repeat(40)}`,
    ...overrides,
  });
}
