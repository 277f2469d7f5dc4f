// The notify stage on a real database: which events an analysis queues, once each, as the repository's
// `notifications:` settings allow.
import { describe, expect, it } from "vitest";
import { configSchema, failClosed, type AnalysisContext, type AnalysisReport, type JobReport } from "../../src/model/index.js";
import { createNotifyStage } from "../../src/notify/index.js";
import { captureLogger } from "../helpers/probot.js";
import { SEED, seedHeadCommit, seedJob, seedRepository, seedVerdict } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

const db = useTestDatabase(seedRepository);
const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const sha = (c: string) => c.repeat(40);
let ext = 1000;

function ctx(notifications: Partial<{ default_branch_red: boolean; outage: boolean; new_cause: boolean }> = {}): AnalysisContext {
  const settings = configSchema.parse({ notifications });
  return { repo: { id: String(SEED.repositoryId), owner: SEED.owner, name: SEED.repo, private: false, installationId: SEED.installationId }, sha: "", log: captureLogger().log, now: () => NOW, config: { settings, compiled: null, problems: [] } } as unknown as AnalysisContext;
}

/** A settled default-branch commit with one job: red (a genuine verdict) or green. */
async function mainCommit(s: string, red: boolean, minutes: number, branch = "main"): Promise<number> {
  await db().prisma.headCommit.create({ data: { repositoryId: BigInt(SEED.repositoryId), sha: s, branch, state: "done", createdAt: minutesAgo(minutes) } });
  const id = await seedJob(db(), { externalId: ++ext, name: "unit", sha: s, conclusion: red ? "failure" : "success", headBranch: branch });
  if (red) await seedVerdict(db(), id, { verdict: "genuine", signature: `sig-${s.slice(0, 4)}`, at: minutesAgo(minutes) });
  return id;
}

function report(s: string, jobs: { id: number; finalClass: "genuine" | "flaky"; patternId?: string; category?: string; signature?: string; line?: string }[], isPrivate = false): AnalysisReport {
  return {
    repo: { id: String(SEED.repositoryId), owner: SEED.owner, name: SEED.repo, private: isPrivate },
    sha: s,
    prNumbers: [],
    pendingJobs: 0,
    configProblems: [],
    notes: [],
    detailsUrl: `https://sift.test/r/${SEED.owner}/${SEED.repo}/commit/${s}${isPrivate ? "?token=page-token" : ""}`,
    jobs: jobs.map(
      (j): JobReport => ({
        job: { id: j.id, name: `job-${j.id}`, headSha: s } as JobReport["job"],
        failure: { ...failClosed("seeded"), class: j.finalClass, patternId: j.patternId ?? null, category: j.category ?? null, signature: j.signature ?? null, matchedText: j.line ?? "Error: <!channel> boom" },
        finalClass: j.finalClass,
        knownProblem: null,
        retry: null,
        attempts: [],
      }),
    ),
  };
}

const stage = () => createNotifyStage({ prisma: db().prisma, sql: db().sql, githubWebUrl: "https://github.com" });
const outbox = () => db().prisma.notificationOutbox.findMany({ orderBy: { id: "asc" } });

describe("the default branch turning red", () => {
  it("queues one message per broken period, named by the last green commit, whatever order its commits are analysed in", async () => {
    await mainCommit(sha("1"), false, 50);
    const r1 = await mainCommit(sha("2"), true, 40);
    const r2 = await mainCommit(sha("3"), true, 30);
    await stage()(report(sha("3"), [{ id: r2, finalClass: "genuine" }]), ctx());
    await stage()(report(sha("2"), [{ id: r1, finalClass: "genuine" }]), ctx());
    let rows = await outbox();
    expect(rows.map((r) => [r.key, r.event])).toEqual([[`default_branch_red:${SEED.repositoryId}:${sha("1")}`, "default_branch_red"]]);
    const payload = rows[0]!.payload as { text: string; blocks: { text: { text: string } }[] };
    expect(payload.text).toBe(`${SEED.owner}/${SEED.repo}: main turned red at 3333333: 1 genuine failure`);
    expect(payload.blocks[0]!.text.text).toContain("`Error: boom`");
    expect(payload.blocks[0]!.text.text).toContain(`<https://sift.test/r/${SEED.owner}/${SEED.repo}/commit/${sha("3")}|Sift's report>`);

    // green again, then red: a new period, a new message (private: no link to Sift's tokenised page)
    await mainCommit(sha("4"), false, 20);
    const r3 = await mainCommit(sha("5"), true, 10);
    await stage()(report(sha("5"), [{ id: r3, finalClass: "genuine" }], true), ctx());
    rows = await outbox();
    expect(rows.map((r) => r.key)).toEqual([`default_branch_red:${SEED.repositoryId}:${sha("1")}`, `default_branch_red:${SEED.repositoryId}:${sha("4")}`]);
    expect(JSON.stringify(rows[1]!.payload)).not.toContain("token=");
  });

  it("stays quiet for other branches, known or flaky failures, a branch green again, and when the repository turned it off", async () => {
    await mainCommit(sha("1"), false, 50);
    const feature = await mainCommit(sha("6"), true, 40, "feature");
    await stage()(report(sha("6"), [{ id: feature, finalClass: "genuine" }]), ctx());
    const r1 = await mainCommit(sha("2"), true, 30);
    await stage()(report(sha("2"), [{ id: r1, finalClass: "flaky", patternId: "p", category: "test" }]), ctx());
    await stage()(report(sha("2"), [{ id: r1, finalClass: "genuine" }]), ctx({ default_branch_red: false }));
    await mainCommit(sha("3"), false, 20);
    await stage()(report(sha("2"), [{ id: r1, finalClass: "genuine" }]), ctx());
    expect(await outbox()).toEqual([]);
  });
});

describe("a new cause recurring", () => {
  it("queues once when a signature first seen this week hit 3 jobs on 2 pull requests", async () => {
    const s = sha("a");
    await seedHeadCommit(db(), { sha: s, prNumbers: [7], branch: "feature" });
    const jobs: number[] = [];
    for (const [i, pr] of [[1, 7], [2, 7]] as const) {
      const id = await seedJob(db(), { externalId: ++ext, name: `t${i}`, sha: s });
      await db().prisma.job.update({ where: { id }, data: { prNumbers: [pr] } });
      await seedVerdict(db(), id, { verdict: "genuine", signature: "sig-new", at: minutesAgo(60 * 24 * 2) });
      jobs.push(id);
    }
    const third = () => stage()(report(s, [{ id: jobs[0]!, finalClass: "genuine", signature: "sig-new", line: "TypeError: x is undefined" }]), ctx());
    await third();
    expect(await outbox()).toEqual([]); // 2 jobs of one pull request
    const other = sha("b");
    await seedHeadCommit(db(), { sha: other, prNumbers: [8], branch: "feature-2" });
    const id = await seedJob(db(), { externalId: ++ext, name: "t3", sha: other });
    await seedVerdict(db(), id, { verdict: "genuine", signature: "sig-new", at: minutesAgo(5) });
    await third();
    await third();
    const rows = await outbox();
    expect(rows.map((r) => r.event)).toEqual(["new_cause"]);
    expect(JSON.stringify(rows[0]!.payload)).toContain("on 3 jobs of 2 pull requests");
  });

  it("does not call an old signature new", async () => {
    const s = sha("c");
    await seedHeadCommit(db(), { sha: s, prNumbers: [1, 2, 3], branch: "feature" });
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(await seedJob(db(), { externalId: ++ext, name: `o${i}`, sha: s }));
      await seedVerdict(db(), ids[i]!, { verdict: "genuine", signature: "sig-old", at: minutesAgo(i === 0 ? 60 * 24 * 30 : 10) });
    }
    await stage()(report(s, [{ id: ids[1]!, finalClass: "genuine", signature: "sig-old" }]), ctx());
    expect(await outbox()).toEqual([]);
  });
});

describe("an outage", () => {
  it("queues one message per episode of an infrastructure cause the report saw", async () => {
    const s = sha("d");
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(await seedJob(db(), { externalId: ++ext, name: `n${i}`, sha: s, completedAt: minutesAgo(5) }));
      await seedVerdict(db(), ids[i]!, { verdict: "flaky", patternId: "net.connection-reset", category: "network", at: minutesAgo(5) });
    }
    const flaky = report(s, [{ id: ids[0]!, finalClass: "flaky", patternId: "net.connection-reset", category: "network" }]);
    await stage()(flaky, ctx());
    await stage()(flaky, ctx());
    const rows = await outbox();
    expect(rows.map((r) => [r.event, r.key.startsWith(`outage:${SEED.installationId}:net.connection-reset:`)])).toEqual([["outage", true]]);
    expect((rows[0]!.payload as { text: string }).text).toBe(`Sift: outage of net.connection-reset across ${SEED.owner}`);
    await stage()(flaky, ctx({ outage: false }));
    expect(await outbox()).toHaveLength(1);
  });
});
