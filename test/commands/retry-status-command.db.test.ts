// `/retry` on a commit status: through its CI provider when Sift has credentials, else a reply saying why.
import nock from "nock";
import { describe, expect, it } from "vitest";
import { executeCommand, parseCommand, type CommandSite } from "../../src/commands/index.js";
import { allProviders, createCredentialStore, createProviderRegistry } from "../../src/providers/index.js";
import { nockCreateIssueComment, nockIssueCommentReaction, nockPermission, testOctokit, useStrictNock } from "../helpers/github-nock.js";
import { SEED, seedJob, seedRepository } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

useStrictNock();
const { owner, repo } = SEED;
const SHA = "b".repeat(40);
const NOW = new Date("2026-11-23T12:00:00Z");
const GITLAB = "https://gitlab.example.com";
const db = useTestDatabase(seedRepository);
const site: CommandSite = { owner, repo, repositoryId: SEED.repositoryId, sha: SHA, prNumber: 7, onDefaultBranch: false, comment: { id: 56, kind: "issue", author: "writer" } };

async function gitlabStatus(url: string): Promise<void> {
  const id = await seedJob(db(), { externalId: 1, name: "ci/gitlab/gitlab.example.com", sha: SHA, provider: "status", runId: null });
  await db().prisma.job.update({ where: { id }, data: { externalId: `${SHA}/ci/gitlab/gitlab.example.com`, logUrl: url } });
}

describe("/retry on a commit status", () => {
  it("re-runs it through its provider with the operator's token", async () => {
    await gitlabStatus(`${GITLAB}/${owner}/${repo}/-/pipelines/31`);
    const providers = createProviderRegistry({ providers: allProviders, credentials: createCredentialStore({ gitlab: { "*": { url: GITLAB, token: "glpat-x" } } }) });
    nockPermission(owner, repo, "writer", "write");
    const retry = nock(GITLAB, { reqheaders: { "private-token": "glpat-x" } }).post(`/api/v4/projects/${encodeURIComponent(`${owner}/${repo}`)}/pipelines/31/retry`).reply(201, { id: 31, status: "pending" });
    nockIssueCommentReaction(owner, repo, 56, "+1");
    expect(await executeCommand({ prisma: db().prisma, now: () => NOW, providers }, testOctokit(), site, parseCommand("/retry")!)).toBe("done");
    expect(retry.isDone()).toBe(true);
    const rows = await db().prisma.retry.findMany();
    expect(rows.map((r) => [r.method, r.trigger, r.status])).toEqual([["provider", "command", "requested"]]);
  });

  it("without credentials, replies why and asks no one", async () => {
    await gitlabStatus(`${GITLAB}/${owner}/${repo}/-/jobs/77`);
    const providers = createProviderRegistry({ providers: allProviders, credentials: createCredentialStore({}) });
    nockPermission(owner, repo, "writer", "write");
    const replies: string[] = [];
    nockCreateIssueComment(owner, repo, 7, replies);
    await executeCommand({ prisma: db().prisma, now: () => NOW, providers }, testOctokit(), site, parseCommand("/retry")!);
    expect(replies.join("\n")).toContain("Sift has no GitLab credentials for");
    expect(await db().prisma.retry.count()).toBe(0);
  });
});
