// issue_comment, commit_comment and issues through Probot in process (probot.receive: strict nock
// would count a local HTTP delivery as an unmocked request),
// with real example payloads, strict nock for GitHub and a real database.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/use-test-database.js";
import {
  nockCommitCommentReaction,
  nockCompare,
  nockGetPull,
  nockInstallationToken,
  nockIssueCommentReaction,
  nockPermission,
  nockRerunJob,
  useStrictNock,
} from "../helpers/github-nock.js";
import { TEST_APP_ID, useTestApp } from "../helpers/probot.js";
import { createMetrics } from "../../src/web/metrics/metrics.js";
import { SEED, seedHeadCommit, seedJob, seedRepository } from "../helpers/seed-jobs.js";
import { exampleOf, type LoosePayload } from "../helpers/webhook-examples.js";

useStrictNock();
const { owner, repo } = SEED;
const SHA = "a".repeat(40);
const db = useTestDatabase(seedRepository);
const { app, receive, restart } = useTestApp(db);

function at(p: LoosePayload): LoosePayload {
  p.installation = { id: SEED.installationId, node_id: "x" };
  p.repository = { ...p.repository, id: SEED.repositoryId, name: repo, full_name: `${owner}/${repo}`, owner: { ...p.repository.owner, login: owner }, default_branch: "main" };
  return p;
}

function prComment(body: string, action = "created", user = { login: "writer", type: "User" }): LoosePayload {
  const p = at(exampleOf("issue_comment", action));
  p.issue = { ...p.issue, number: 7, pull_request: { url: "x" } };
  p.comment = { ...p.comment, id: 55, body, user: { ...p.comment.user, ...user } };
  return p;
}

describe("issue_comment", () => {
  it("runs /retry from a writer on the PR's head SHA and reacts", async () => {
    await seedJob(db(), { externalId: 1, name: "test", sha: SHA });
    nockInstallationToken(SEED.installationId);
    nockGetPull(owner, repo, { number: 7, headSha: SHA });
    nockPermission(owner, repo, "writer", "write");
    nockRerunJob(owner, repo, 1);
    nockIssueCommentReaction(owner, repo, 55, "+1");
    await receive("issue_comment", prComment("/retry"));
    expect(await db().prisma.retry.findFirst()).toMatchObject({ trigger: "command", status: "requested", requestedBy: "writer" });
  });

  it("ignores edited comments, bots and comments without a command, calling nothing, and counts them", async () => {
    const metrics = createMetrics();
    await restart({ metrics });
    for (const p of [prComment("/retry", "edited"), prComment("/retry", "created", { login: "sift[bot]", type: "Bot" }), prComment("thanks!")]) {
      await receive("issue_comment", p);
    }
    const commit = at(exampleOf("commit_comment", "created"));
    commit.comment = { ...commit.comment, body: "looks good", user: { ...commit.comment.user, login: "writer", type: "User" } };
    await receive("commit_comment", commit);
    expect(await db().prisma.retry.count()).toBe(0);
    expect(app().logs.lines.filter((l) => String(l.msg).includes("ignored")).length).toBe(4);
    const text = await metrics.registry.getSingleMetricAsString("sift_webhooks_total");
    expect(text).toContain('sift_webhooks_total{event="issue_comment",outcome="ignored"} 3');
    expect(text).toContain('sift_webhooks_total{event="commit_comment",outcome="ignored"} 1');
  });
});

describe("commit_comment", () => {
  it("declares a repo-wide known breakage on a default-branch commit", async () => {
    const p = at(exampleOf("commit_comment", "created"));
    p.comment = { ...p.comment, id: 66, commit_id: SHA, body: "/known-broken build* broken by upstream", user: { ...p.comment.user, login: "writer", type: "User" } };
    await seedHeadCommit(db(), { sha: SHA, branch: "main", state: "done" });
    nockInstallationToken(SEED.installationId);
    nockCompare(owner, repo, "main", SHA, "identical");
    nockPermission(owner, repo, "writer", "admin");
    nockCommitCommentReaction(owner, repo, 66, "+1");
    await receive("commit_comment", p);
    const d = await db().prisma.knownBroken.findFirstOrThrow();
    expect(d).toMatchObject({ prNumber: null, jobGlob: "build*", declaredBy: "writer" });
    expect(d.expiresAt).not.toBeNull();
  });
});

describe("issues", () => {
  function issue(action: string, labels: string[], state = "open", body = "jobs: integ*\npattern: net.reset"): LoosePayload {
    const p = at(exampleOf("issues", action));
    p.issue = { ...p.issue, number: 12, title: "Redis flakes", state, html_url: `https://github.com/${owner}/${repo}/issues/12`, body, labels: labels.map((name) => ({ id: 1, name })) };
    return p;
  }

  it("stores the test ids a sift:flaky-test issue lists (not its job lines), and unlabelling it ends the declaration", async () => {
    const body = "These time out on macOS:\n\n- `tests/test_net.py::test_download`\n- com.acme.NetTest.downloads\njobs: integ*";
    await receive("issues", issue("labeled", ["sift:flaky-test"], "open", body));
    expect(await db().prisma.knownProblemIssue.findFirstOrThrow()).toMatchObject({
      number: 12,
      open: true,
      knownProblem: false,
      jobGlobs: [],
      flakyTestIds: ["tests/test_net.py::test_download", "com.acme.NetTest.downloads"],
    });
    await receive("issues", issue("unlabeled", ["bug"], "open", body));
    expect(await db().prisma.knownProblemIssue.findFirstOrThrow()).toMatchObject({ open: false });
  });

  it("stores a sift:known-problem issue's globs and patterns, and closing it ends the coverage", async () => {
    await receive("issues", issue("labeled", ["bug", "sift:known-problem"]));
    expect(await db().prisma.knownProblemIssue.findFirstOrThrow()).toMatchObject({ number: 12, open: true, jobGlobs: ["integ*"], patterns: ["net.reset"] });
    await receive("issues", issue("edited", ["sift:known-problem"], "closed"));
    expect(await db().prisma.knownProblemIssue.findFirstOrThrow()).toMatchObject({ open: false });
  });

  it("ignores issues without the label", async () => {
    await receive("issues", issue("opened", ["bug"]));
    expect(await db().prisma.knownProblemIssue.count()).toBe(0);
  });
});

describe("check_run rerequested", () => {
  function rerequested(appId: number): LoosePayload {
    const p = at(exampleOf("check_run", "rerequested"));
    p.check_run = { ...p.check_run, head_sha: SHA, name: "Sift", app: { ...p.check_run.app, id: appId } };
    return p;
  }

  it("analyses the commit again when someone re-runs Sift's own check run, and ignores other apps' re-requests", async () => {
    await seedHeadCommit(db(), { sha: SHA, state: "done" });
    await receive("check_run", rerequested(TEST_APP_ID + 1));
    expect(await db().prisma.headCommit.findFirst()).toMatchObject({ state: "done" });
    await receive("check_run", rerequested(TEST_APP_ID));
    const head = await db().prisma.headCommit.findFirst();
    expect(head).toMatchObject({ state: "pending" });
    expect(Math.abs(head!.dueAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
