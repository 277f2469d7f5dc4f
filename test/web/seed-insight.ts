// A generated month of two repositories' CI for the health, impact and durations aggregations,
// seeded: default-branch commits that turn red and get fixed (a Markov chain), flaky failures
// re-run by Sift or by people, PR heads blocked by causes, and `build` 50 % slower in the last 3
// days (with its steps). Returns what was generated, so tests compute the truth independently of SQL.
import type { PrismaClient } from "../../src/db/index.js";
import { mulberry32 } from "../helpers/seeded-random.js";
import { NOW } from "./seed-history.js";

const DAY = 24 * 3600 * 1000;
export const GEN = { owner: "gen", public: { id: 101n, name: "app" }, private: { id: 102n, name: "vault" } };

export interface GenCommit {
  repo: bigint;
  sha: string;
  at: Date;
  settled: boolean;
  red: boolean;
  redJobs: string[];
}

export interface GenJob {
  id?: number;
  repo: bigint;
  sha: string;
  name: string;
  runId: bigint;
  attempt: number;
  conclusion: string;
  startedAt: Date;
  completedAt: Date;
  steps: { name: string; number: number; conclusion: string; started_at: string; completed_at: string }[] | null;
  verdict: "flaky" | "known_problem" | "genuine" | null;
  cause: string | null;
  prs: number[];
  /** A re-run Sift asked for on this attempt ("auto"), through a command, or none. */
  retry: "auto" | "command" | null;
}

export interface Generated {
  commits: GenCommit[];
  jobs: GenJob[];
}

export async function seedInsight(prisma: PrismaClient, seed = 7): Promise<Generated> {
  const random = mulberry32(seed);
  const around = (centre: number, spread: number) => Math.round(centre + (random() * 2 - 1) * spread);
  await prisma.installation.upsert({ where: { id: 20n }, create: { id: 20n, accountLogin: GEN.owner }, update: {} });
  for (const r of [GEN.public, GEN.private]) {
    await prisma.repository.create({ data: { id: r.id, installationId: 20n, owner: GEN.owner, name: r.name, private: r.id === GEN.private.id } });
  }
  const commits: (GenCommit & { state: "done" | "idle" | "pending"; branch: string; prs: number[] })[] = [];
  const jobs: GenJob[] = [];
  let counter = 0;
  let runIds = 5000n;
  for (const repo of [GEN.public.id, GEN.private.id]) {
    let red = false;
    for (let ago = 32; ago >= 0; ago--) {
      const perDay = 1 + Math.floor(random() * 4);
      for (let k = 0; k < perDay; k++) {
        const at = new Date(NOW.getTime() - ago * DAY - Math.floor(random() * 10) * 3600_000 - k * 60_000);
        const pr = random() < 0.3 ? 100 + Math.floor(random() * 8) : null;
        if (pr === null) red = red ? random() < 0.55 : random() < 0.2;
        const state = random() < 0.1 ? "pending" : random() < 0.15 ? "idle" : "done";
        const sha = (++counter).toString(16).padStart(40, "0");
        const redJobs = pr === null && red ? (random() < 0.5 ? ["test"] : ["lint", "test"]) : [];
        const runId = ++runIds;
        const prRed = pr !== null && random() < 0.4;
        for (const name of ["build", "test", "lint"]) {
          const recent = NOW.getTime() - at.getTime() < 3 * DAY;
          const seconds = name === "build" ? around(recent && repo === GEN.public.id ? 150 : 100, 10) : name === "test" ? around(200, 40) : around(30, 10);
          const fails = redJobs.includes(name) || (prRed && name === "test");
          const flaky = !fails && name === "build" && random() < 0.15;
          const cause = fails ? (name === "lint" ? "eslint-crash" : random() < 0.5 ? "jest-failure" : null) : flaky ? "npm-registry-5xx" : null;
          const completedAt = new Date(at.getTime() + 60_000 + seconds * 1000);
          const job: GenJob = {
            repo, sha, name, runId, attempt: 1, conclusion: fails || flaky ? "failure" : "success", startedAt: new Date(completedAt.getTime() - seconds * 1000), completedAt,
            steps: name === "build" ? steps(completedAt, seconds) : null, verdict: fails ? (name === "lint" ? "known_problem" : "genuine") : flaky ? "flaky" : null,
            cause, prs: pr === null ? [] : [pr], retry: flaky ? (random() < 0.5 ? "auto" : random() < 0.5 ? "command" : null) : null,
          };
          jobs.push(job);
          if (flaky) {
            const again = around(100, 10);
            const end = new Date(completedAt.getTime() + 120_000 + again * 1000);
            jobs.push({ ...job, attempt: 2, conclusion: "success", startedAt: new Date(end.getTime() - again * 1000), completedAt: end, steps: null, verdict: null, cause: null, retry: null });
          }
        }
        const onMain = pr === null;
        commits.push({ repo, sha, at, state, settled: onMain && state !== "pending" && at >= windowStart(), red: onMain && redJobs.length > 0, redJobs, branch: onMain ? "main" : `feature-${pr}`, prs: pr === null ? [] : [pr] });
      }
    }
  }
  await prisma.headCommit.createMany({
    data: commits.map((c) => ({ repositoryId: c.repo, sha: c.sha, branch: c.branch, prNumbers: c.prs, state: c.state, createdAt: c.at, analysedAt: c.state === "done" ? c.at : null })),
  });
  const rows = await prisma.job.createManyAndReturn({
    data: jobs.map((j, i) => ({
      repositoryId: j.repo, provider: "actions", externalId: `g${i}`, headSha: j.sha, name: j.name, workflowName: "CI", runId: j.runId, runAttempt: j.attempt,
      status: "completed", conclusion: j.conclusion, startedAt: j.startedAt, completedAt: j.completedAt, steps: j.steps ?? undefined, createdAt: j.startedAt,
    })),
    select: { id: true, externalId: true },
  });
  const ids = new Map(rows.map((r) => [r.externalId, r.id]));
  jobs.forEach((j, i) => (j.id = ids.get(`g${i}`)!));
  await prisma.classification.createMany({
    data: jobs.filter((j) => j.verdict).map((j) => ({ jobId: j.id!, verdict: j.verdict!, patternId: j.cause, signature: j.cause ? null : "sig-x", reason: "generated", createdAt: j.completedAt, updatedAt: j.completedAt })),
  });
  await prisma.retry.createMany({
    data: jobs.filter((j) => j.retry).map((j) => ({ repositoryId: j.repo, jobId: j.id!, method: "job", trigger: j.retry!, status: "requested", attempt: 1, createdAt: j.completedAt })),
  });
  return { commits: commits.map(({ state: _s, branch: _b, prs: _p, ...c }) => c), jobs };
}

/** The first instant of the 30-day window the pages use at NOW. */
export function windowStart(days = 30): Date {
  return new Date(Math.floor(NOW.getTime() / DAY) * DAY - (days - 1) * DAY);
}

function steps(completedAt: Date, seconds: number): GenJob["steps"] {
  const start = completedAt.getTime() - seconds * 1000;
  const iso = (ms: number) => new Date(ms).toISOString();
  return [
    { name: "Set up job", number: 1, conclusion: "success", started_at: iso(start), completed_at: iso(start + 2000) },
    { name: "Compile", number: 2, conclusion: "success", started_at: iso(start + 2000), completed_at: iso(completedAt.getTime()) },
    { name: "Upload", number: 3, conclusion: "skipped", started_at: iso(completedAt.getTime()), completed_at: iso(completedAt.getTime()) },
  ];
}
