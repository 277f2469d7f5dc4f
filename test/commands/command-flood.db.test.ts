// A flood of commands from one person: rate-limited per user and repository in the database (so
// replicas agree), one reply per window instead of fifty, and a /retry whose re-run is already on
// its way does not ask GitHub again.
import nock from "nock";
import { describe, expect, it } from "vitest";
import { COMMANDS_PER_MINUTE, executeCommand, parseCommand, type CommandOutcome, type CommandSite } from "../../src/commands/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { API, nockCreateIssueComment, nockIssueCommentReaction, nockPermission, nockRerunJob, testOctokit, useStrictNock } from "../helpers/github-nock.js";
import { SEED, seedJob, seedRepository } from "../helpers/seed-jobs.js";

useStrictNock();
const { owner, repo } = SEED;
const SHA = "b".repeat(40);
const NOW = new Date("2026-11-23T12:00:00Z");
const db = useTestDatabase(seedRepository);

const site = (author: string, commentId: number, over: Partial<CommandSite> = {}): CommandSite => ({
  owner,
  repo,
  repositoryId: SEED.repositoryId,
  sha: SHA,
  prNumber: 7,
  onDefaultBranch: false,
  comment: { id: commentId, kind: "issue", author },
  ...over,
});
const run = (body: string, s: CommandSite, at: Date) => executeCommand({ prisma: db().prisma, now: () => at }, testOctokit(), s, parseCommand(body)!);
const after = (ms: number) => new Date(NOW.getTime() + ms);

it("allows a handful of commands a minute", () => {
  expect(COMMANDS_PER_MINUTE).toBeGreaterThanOrEqual(3);
  expect(COMMANDS_PER_MINUTE).toBeLessThanOrEqual(10);
});

describe("a flood of 50 commands in 10 s", () => {
  it("from a writer re-runs the job once and answers the excess with one reply", async () => {
    const jobId = await seedJob(db(), { externalId: 1, name: "test", sha: SHA });
    const replies: string[] = [];
    nockPermission(owner, repo, "writer", "write");
    nockRerunJob(owner, repo, 1);
    nockIssueCommentReaction(owner, repo, 1000, "+1");
    for (let n = 1; n < COMMANDS_PER_MINUTE; n++) {
      nockPermission(owner, repo, "writer", "write");
      nockIssueCommentReaction(owner, repo, 1000 + n, "+1"); // the re-run asked for is on its way
    }
    nockCreateIssueComment(owner, repo, 7, replies);
    const outcomes: CommandOutcome[] = [];
    for (let n = 0; n < 50; n++) outcomes.push(await run("/retry", site("writer", 1000 + n), after(n * 200)));
    expect(outcomes.slice(0, COMMANDS_PER_MINUTE)).toEqual(["done", ...Array(COMMANDS_PER_MINUTE - 1).fill("already")]);
    expect(outcomes.slice(COMMANDS_PER_MINUTE)).toEqual(Array(50 - COMMANDS_PER_MINUTE).fill("limited"));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(new RegExp(`at most ${COMMANDS_PER_MINUTE} commands a minute`));
    expect(await db().prisma.retry.findMany({ select: { jobId: true, status: true } })).toEqual([{ jobId, status: "requested" }]);
  });

  it("from a stranger gets one refusal, not fifty", async () => {
    await seedJob(db(), { externalId: 1, name: "test", sha: SHA });
    const replies: string[] = [];
    for (let n = 0; n < COMMANDS_PER_MINUTE; n++) nockPermission(owner, repo, "stranger", "read");
    nockCreateIssueComment(owner, repo, 7, replies);
    const outcomes: CommandOutcome[] = [];
    for (let n = 0; n < 50; n++) outcomes.push(await run("/retry", site("stranger", 2000 + n), after(n * 200)));
    expect(outcomes.slice(0, COMMANDS_PER_MINUTE)).toEqual(Array(COMMANDS_PER_MINUTE).fill("refused"));
    expect(outcomes.slice(COMMANDS_PER_MINUTE)).toEqual(Array(50 - COMMANDS_PER_MINUTE).fill("limited"));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("only people with write, maintain or admin permission");
    expect(await db().prisma.retry.count()).toBe(0);
  });

  it("sent all at once (as to several replicas) still acts at most the limit", async () => {
    const replies: string[] = [];
    for (let n = 0; n < COMMANDS_PER_MINUTE; n++) nockPermission(owner, repo, "writer", "write");
    nock(API).post(/\/issues\/comments\/\d+\/reactions$/).times(COMMANDS_PER_MINUTE).reply(201, { id: 1, content: "+1" });
    nockCreateIssueComment(owner, repo, 7, replies);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, n) => run("/known-broken test* upstream is down", site("writer", 3000 + n), after(n))));
    expect(outcomes.filter((o) => o === "done")).toHaveLength(COMMANDS_PER_MINUTE);
    expect(outcomes.filter((o) => o === "limited")).toHaveLength(20 - COMMANDS_PER_MINUTE);
    expect(replies).toHaveLength(1);
  });
});

it("counts per user and repository, per minute", async () => {
  const replies: string[] = [];
  for (let n = 0; n < COMMANDS_PER_MINUTE; n++) {
    nockPermission(owner, repo, "alice", "write");
    nockIssueCommentReaction(owner, repo, 4000 + n, "+1");
  }
  nockCreateIssueComment(owner, repo, 7, replies);
  for (let n = 0; n <= COMMANDS_PER_MINUTE; n++) await run("/known-broken lint flaky linter", site("alice", 4000 + n), after(n * 1000));
  expect(replies).toHaveLength(1);

  nockPermission(owner, repo, "bob", "write");
  nockIssueCommentReaction(owner, repo, 4100, "+1");
  expect(await run("/known-broken lint flaky linter", site("bob", 4100), after(20_000))).toBe("done"); // another user
  nockCreateIssueComment(owner, repo, 8, replies);
  expect(await run("/retry a b", site("alice", 4101, { repositoryId: 5002, prNumber: 8 }), after(21_000))).toBe("usage"); // another repository
  expect(await run("/known-broken lint flaky linter", site("alice", 4102), after(59_000))).toBe("limited"); // same minute: silent
  nockPermission(owner, repo, "alice", "write");
  nockIssueCommentReaction(owner, repo, 4103, "+1");
  expect(await run("/known-broken lint flaky linter", site("alice", 4103), after(60_000))).toBe("done"); // the next minute
  expect(replies).toHaveLength(2);
});

describe("/retry coalesces with a re-run already on its way", () => {
  const seedRetry = async (jobId: number, status: string, trigger: string, createdAt: Date) =>
    db().prisma.retry.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobId, method: "job", trigger, status, attempt: 1, createdAt } });

  it("requested or waiting for this attempt: nothing new is asked of GitHub", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "test-a", sha: SHA, runId: 9001 });
    const b = await seedJob(db(), { externalId: 2, name: "test-b", sha: SHA, runId: 9002 });
    await seedRetry(a, "requested", "auto", after(-60_000));
    await seedRetry(b, "waiting", "command", after(-60_000));
    nockPermission(owner, repo, "writer", "write");
    nockIssueCommentReaction(owner, repo, 55, "+1");
    expect(await run("/retry", site("writer", 55), NOW)).toBe("already");
    expect(await db().prisma.retry.count()).toBe(2);
  });

  it("held back by the automatic brakes, or requested long ago without a new attempt: re-run", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "test-a", sha: SHA, runId: 9001 });
    const b = await seedJob(db(), { externalId: 2, name: "test-b", sha: SHA, runId: 9002 });
    await seedRetry(a, "held", "auto", after(-60_000));
    await seedRetry(b, "requested", "command", after(-3 * 3600_000));
    nockPermission(owner, repo, "writer", "write");
    nockRerunJob(owner, repo, 1);
    nockRerunJob(owner, repo, 2);
    nockIssueCommentReaction(owner, repo, 56, "+1");
    expect(await run("/retry", site("writer", 56), NOW)).toBe("done");
  });
});
