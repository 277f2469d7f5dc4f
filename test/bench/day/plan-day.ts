// A realistic day of a large organisation, as a timeline of webhook deliveries: commits spread over
// working hours across many repositories, each with a workflow run of 1–5 jobs (queued, in_progress,
// completed), its pull request, and pull request comments (chatter, and `/retry` from writers).
// Seeded and pure: the same size gives the same day.
import type { LogTemplate } from "./log-templates.js";
import { mulberry32 } from "../../helpers/seeded-random.js";

export interface DaySize {
  deliveries: number;
  repos: number;
  failingShas: number;
  /** Issue comments among the deliveries; a tenth of them `/retry` on a failing SHA. */
  comments: number;
}

export interface PlannedJob {
  id: number;
  runId: number;
  name: string;
  template: LogTemplate | null; // null: passes
}

export interface PlannedSha {
  repoIndex: number;
  owner: string;
  repo: string;
  repoId: number;
  sha: string;
  pr: number;
  runId: number;
  jobs: PlannedJob[];
  /** The conclusion of Sift's one check run, or null when nothing failed (no check run). */
  expected: "success" | "failure" | null;
}

export interface PlannedDelivery {
  /** Milliseconds into the day. */
  at: number;
  event: string;
  sha: PlannedSha;
  /** Builds the payload (lazily: 50,000 payloads are not kept in memory). */
  kind: { type: "job"; job: PlannedJob; status: "queued" | "in_progress" | "completed"; attempt: number; conclusion: string | null }
    | { type: "run"; action: "requested" | "completed" }
    | { type: "pull_request" }
    | { type: "comment"; id: number; login: string; body: string };
}

export const DAY_MS = 24 * 3600_000;
const PER_SHA_EXTRA = 3; // pull_request, workflow_run requested and completed


/** A time of day weighted to working hours (08–18 UTC four times as busy as the rest). */
function timeOfDay(random: () => number): number {
  for (;;) {
    const t = random() * DAY_MS;
    const hour = t / 3600_000;
    if (hour >= 8 && hour < 18 ? true : random() < 0.25) return t;
  }
}

export function planDay(size: DaySize, templates: readonly LogTemplate[], seed = 1): { shas: PlannedSha[]; deliveries: PlannedDelivery[] } {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const genuine = templates.filter((t) => t.class === "genuine");
  const flaky = templates.filter((t) => t.class === "flaky");
  const jobsPerSha = 3; // on average: 1–5
  const shaCount = Math.max(size.failingShas, Math.round((size.deliveries - size.comments) / (jobsPerSha * 3 + PER_SHA_EXTRA)));
  const failing = new Set<number>();
  while (failing.size < Math.min(size.failingShas, shaCount)) failing.add(Math.floor(random() * shaCount));
  const shas: PlannedSha[] = [];
  const deliveries: PlannedDelivery[] = [];
  let jobId = 10_000_000;
  for (let n = 0; n < shaCount; n++) {
    const repoIndex = n % size.repos;
    const runId = 50_000_000 + n;
    const jobs: PlannedJob[] = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, k) => ({ id: jobId++, runId, name: `job-${k}`, template: null }));
    if (failing.has(n)) {
      // One or two failed jobs: 40% flaky causes, 60% genuine.
      for (const j of jobs.slice(0, random() < 0.3 ? 2 : 1)) j.template = random() < 0.4 ? pick(flaky) : pick(genuine);
    }
    const failed = jobs.filter((j) => j.template);
    const expected = failed.length === 0 ? null : failed.some((j) => j.template!.class === "genuine") ? "failure" : "success";
    const sha: PlannedSha = { repoIndex, owner: "big-org", repo: `repo-${repoIndex}`, repoId: 700_000 + repoIndex, sha: (0x5000000 + n).toString(16).padStart(40, "d"), pr: 1 + n, runId, jobs, expected };
    shas.push(sha);
    const start = Math.min(timeOfDay(random), DAY_MS - 3600_000);
    deliveries.push({ at: start, event: "pull_request", sha, kind: { type: "pull_request" } });
    deliveries.push({ at: start + 1000, event: "workflow_run", sha, kind: { type: "run", action: "requested" } });
    let end = start;
    for (const job of jobs) {
      const queued = start + 2000 + random() * 30_000;
      const began = queued + 5000 + random() * 60_000;
      const done = began + 120_000 + random() * 20 * 60_000;
      end = Math.max(end, done);
      deliveries.push({ at: queued, event: "workflow_job", sha, kind: { type: "job", job, status: "queued", attempt: 1, conclusion: null } });
      deliveries.push({ at: began, event: "workflow_job", sha, kind: { type: "job", job, status: "in_progress", attempt: 1, conclusion: null } });
      deliveries.push({ at: done, event: "workflow_job", sha, kind: { type: "job", job, status: "completed", attempt: 1, conclusion: job.template ? "failure" : "success" } });
    }
    deliveries.push({ at: end + 2000, event: "workflow_run", sha, kind: { type: "run", action: "completed" } });
  }
  const failingShas = shas.filter((s) => s.expected);
  for (let c = 0; c < size.comments; c++) {
    const retry = c % 10 === 0 && failingShas.length > 0;
    const sha = retry ? pick(failingShas) : pick(shas);
    const last = deliveries.filter((d) => d.sha === sha).reduce((m, d) => Math.max(m, d.at), 0);
    const body = retry ? "/retry" : pick(["LGTM", "Could you add a test for this?", "Rebased on main.", "Thanks! Merging once CI is green."]);
    deliveries.push({ at: Math.min(DAY_MS - 1, last + 60_000 + random() * 30 * 60_000), event: "issue_comment", sha, kind: { type: "comment", id: 80_000_000 + c, login: `dev-${c % 50}`, body } });
  }
  deliveries.sort((a, b) => a.at - b.at);
  return { shas, deliveries };
}
