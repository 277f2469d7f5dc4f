// Commands against strict nock and a real database: permission, reactions, replies, re-runs, declarations.
import { describe, expect, it } from "vitest";
import { executeCommand, parseCommand, type CommandSite } from "../../src/commands/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import {
  nockCreateCommitComment,
  nockCreateIssueComment,
  nockIssueCommentReaction,
  nockCommitCommentReaction,
  nockPermission,
  nockRerequestCheckRun,
  nockRerunFailedJobs,
  nockRerunJob,
  testOctokit,
  useStrictNock,
} from "../helpers/github-nock.js";
import { SEED, seedHeadCommit, seedJob, seedRepository } from "../helpers/seed-jobs.js";

useStrictNock();
const { owner, repo } = SEED;
const SHA = "a".repeat(40);
const NOW = new Date("2026-11-23T12:00:00Z");
const db = useTestDatabase(seedRepository);

const prSite = (author = "writer"): CommandSite => ({ owner, repo, repositoryId: SEED.repositoryId, sha: SHA, prNumber: 7, onDefaultBranch: false, comment: { id: 55, kind: "issue", author } });
const run = (body: string, site = prSite()) => executeCommand({ prisma: db().prisma, now: () => NOW }, testOctokit(), site, parseCommand(body)!);

describe("/retry", () => {
  it("by a writer re-runs every failed job of a run through rerun-failed-jobs and reacts 👍", async () => {
    await seedJob(db(), { externalId: 1, name: "test (1, 2)", sha: SHA, runId: 9000 });
    await seedJob(db(), { externalId: 2, name: "test (2, 2)", sha: SHA, runId: 9000 });
    await seedJob(db(), { externalId: 3, name: "lint", sha: SHA, runId: 9000, conclusion: "success" });
    nockPermission(owner, repo, "writer", "write");
    nockRerunFailedJobs(owner, repo, 9000);
    nockIssueCommentReaction(owner, repo, 55, "+1");
    expect(await run("/retry")).toBe("done");
    const rows = await db().prisma.retry.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.method, r.trigger, r.status, r.requestedBy])).toEqual([
      ["failed_jobs", "command", "requested", "writer"],
      ["failed_jobs", "command", "requested", "writer"],
    ]);
  });

  it("with a glob re-runs only matching jobs: one now, the next when the run completes; check runs re-requested", async () => {
    await seedJob(db(), { externalId: 1, name: "test (1, 2)", sha: SHA });
    await seedJob(db(), { externalId: 2, name: "test (2, 2)", sha: SHA });
    await seedJob(db(), { externalId: 3, name: "lint", sha: SHA });
    await seedJob(db(), { externalId: 4, name: "test-buildkite", sha: SHA, provider: "check_run", runId: null });
    nockPermission(owner, repo, "writer", "read", "maintain"); // maintain shows as "write"/role_name
    nockRerunJob(owner, repo, 1);
    nockRerequestCheckRun(owner, repo, 4);
    nockIssueCommentReaction(owner, repo, 55, "+1");
    expect(await run("/retry test*")).toBe("done");
    const rows = await db().prisma.retry.findMany({ include: { job: true }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.job.name, r.method, r.status])).toEqual([
      ["test-buildkite", "rerequest", "requested"],
      ["test (1, 2)", "job", "requested"],
      ["test (2, 2)", "job", "waiting"],
    ]);
  });

  it("by a reader is refused with a reason, and nothing happens", async () => {
    await seedJob(db(), { externalId: 1, name: "test", sha: SHA });
    const replies: string[] = [];
    nockPermission(owner, repo, "reader", "read");
    nockCreateIssueComment(owner, repo, 7, replies);
    expect(await run("/retry", prSite("reader"))).toBe("refused");
    expect(replies[0]).toContain("only people with write, maintain or admin permission");
    expect(replies[0]).toContain("you have read");
    expect(await db().prisma.retry.count()).toBe(0);
  });

  it("says so when no failed job matches, without a 👍", async () => {
    const replies: string[] = [];
    nockPermission(owner, repo, "writer", "admin");
    nockCreateIssueComment(owner, repo, 7, replies);
    expect(await run("/retry nope*")).toBe("nothing");
    expect(replies).toEqual(["No failed job of this commit matches `nope*`."]);
  });
});

describe("usage and escaping", () => {
  it("answers a bad glob with the usage, before any permission check", async () => {
    const replies: string[] = [];
    nockCreateIssueComment(owner, repo, 7, replies);
    expect(await run("/known-broken te{st oops")).toBe("usage");
    expect(replies[0]).toMatch(/^bad glob: unbalanced brackets\n\nSift commands/);
  });

  it("never pings anyone or renders markdown it echoes", async () => {
    const replies: string[] = [];
    nockCreateIssueComment(owner, repo, 7, replies);
    await run("/retry-@octo-org/admins");
    expect(replies[0]).toContain("unknown command");
    expect(replies[0]).not.toMatch(/@octo-org/);
  });
});

describe("/known-broken", () => {
  it("on a PR declares the glob known, makes the SHA due now, and --clear undoes it", async () => {
    await seedHeadCommit(db(), { sha: SHA, prNumbers: [7], state: "done" });
    nockPermission(owner, repo, "writer", "write");
    nockIssueCommentReaction(owner, repo, 55, "+1");
    expect(await run("/known-broken test* flaky upstream, see https://github.com/octo-org/octo-repo/issues/3")).toBe("done");
    const d = await db().prisma.knownBroken.findFirstOrThrow();
    expect(d).toMatchObject({ jobGlob: "test*", prNumber: 7, declaredBy: "writer", expiresAt: null, clearedAt: null });
    expect(await db().prisma.headCommit.findFirstOrThrow()).toMatchObject({ state: "pending", dueAt: NOW });

    nockPermission(owner, repo, "writer", "write");
    nockIssueCommentReaction(owner, repo, 55, "+1");
    expect(await run("/known-broken --clear")).toBe("done");
    expect(await db().prisma.knownBroken.findFirstOrThrow()).toMatchObject({ clearedAt: NOW, clearedBy: "writer" });
  });

  it("on a default-branch commit is repo-wide for 7 days, and declaring again renews it", async () => {
    const site: CommandSite = { ...prSite(), prNumber: null, onDefaultBranch: true, comment: { id: 66, kind: "commit", author: "writer" } };
    for (const at of [NOW, new Date(NOW.getTime() + 86_400_000)]) {
      nockPermission(owner, repo, "writer", "write");
      nockCommitCommentReaction(owner, repo, 66, "+1");
      await executeCommand({ prisma: db().prisma, now: () => at }, testOctokit(), site, parseCommand("/known-broken build main is broken by #12")!);
    }
    const rows = await db().prisma.knownBroken.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ prNumber: null, expiresAt: new Date(NOW.getTime() + 8 * 86_400_000) });
  });

  it("on a commit outside the default branch explains where it works", async () => {
    const replies: string[] = [];
    const site: CommandSite = { ...prSite(), prNumber: null, onDefaultBranch: false, comment: { id: 66, kind: "commit", author: "writer" } };
    nockPermission(owner, repo, "writer", "write");
    nockCreateCommitComment(owner, repo, SHA, replies);
    expect(await executeCommand({ prisma: db().prisma, now: () => NOW }, testOctokit(), site, parseCommand("/known-broken x y")!)).toBe("nothing");
    expect(replies[0]).toContain("works in a pull request or on a commit of the default branch");
    expect(await db().prisma.knownBroken.count()).toBe(0);
  });
});
