// The `Sift config` check: real pull_request example payloads through Probot, strict nock for
// GitHub, a real database (ingest runs first, and stored failures are the sample).
import { expect, it } from "vitest";
import { failureTextOf, saveFailureText } from "../../src/keep/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { nockCreateCheckRun, nockInstallationToken, nockPullFilePages, nockRepoFile, nockRepoFileAt, nockUpdateCheckRun, useStrictNock, type Captured } from "../helpers/github-nock.js";
import { useTestApp } from "../helpers/probot.js";
import { SEED, seedJob, seedRepository } from "../helpers/seed-jobs.js";
import { exampleOf, type LoosePayload } from "../helpers/webhook-examples.js";

useStrictNock();
const { owner, repo } = SEED;
const db = useTestDatabase(seedRepository);
const { receive: deliver } = useTestApp(db);

function pullRequest(action: string): LoosePayload {
  const p = exampleOf("pull_request", action);
  p.installation = { id: SEED.installationId, node_id: "x" };
  p.repository = { ...p.repository, id: SEED.repositoryId, name: repo, full_name: `${owner}/${repo}`, owner: { ...p.repository.owner, login: owner } };
  return p;
}
const receive = (p: LoosePayload) => deliver("pull_request", p);
const CONFIG = ".github/sift.yml";

it("annotates an invalid regex on its line and fails the check on the head SHA", async () => {
  const p = pullRequest("synchronize");
  const yaml = ["patterns:", "  - id: ok", "    regex: 'ECONNRESET'", "    class: flaky", "  - id: bad", "    regex: '(?<=npm )ERR'", "    class: flaky", ""].join("\n");
  nockInstallationToken(SEED.installationId);
  nockPullFilePages(owner, repo, p.number, [[{ filename: "src/a.ts" }, { filename: CONFIG }]]);
  nockRepoFileAt(owner, repo, CONFIG, p.pull_request.head.sha, yaml);
  const created: Captured = [];
  nockCreateCheckRun(owner, repo, 901, created);

  await receive(p);

  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({
    name: "Sift config",
    head_sha: p.pull_request.head.sha,
    status: "completed",
    conclusion: "failure",
    output: {
      title: ".github/sift.yml: 1 problem",
      annotations: [{ path: CONFIG, start_line: 6, end_line: 6, annotation_level: "failure", title: "sift.yml: patterns[1].regex", message: expect.stringMatching(/does not compile under RE2: .*look-behind/) }],
    },
  });
  expect((created[0] as { output: { summary: string } }).output.summary).toContain("line 6");
});

it("passes a valid change, and leaves a pull request that does not touch the file alone", async () => {
  const p = pullRequest("opened");
  nockInstallationToken(SEED.installationId);
  nockPullFilePages(owner, repo, p.number, [[{ filename: CONFIG, status: "added" }]]);
  const yaml = "patterns:\n  - { id: reset, regex: 'ECONNRESET', class: flaky }\n";
  nockRepoFileAt(owner, repo, CONFIG, p.pull_request.head.sha, yaml);
  // the backtest: the PR's effective set at its head, the one in force on the default branch
  nockRepoFileAt(owner, repo, CONFIG, p.pull_request.head.sha, yaml);
  nockRepoFile(owner, repo, CONFIG, null);
  nockRepoFile(owner, ".github", CONFIG, null);
  const created: Captured = [];
  nockCreateCheckRun(owner, repo, 902, created);
  await receive(p);
  expect(created[0]).toMatchObject({
    name: "Sift config",
    conclusion: "success",
    output: { title: ".github/sift.yml is valid; backtest: no genuine failure turns flaky (0 stored failures)", annotations: [], summary: expect.stringContaining("### Backtest") },
  });

  const other = pullRequest("synchronize");
  nockPullFilePages(owner, repo, other.number, [[{ filename: "README.md" }], [{ filename: "src/b.ts" }]]); // two pages, no config
  await receive(other); // strict nock: a check run here would be an unmocked request
});

it("checks patterns against the repository's stored failures, and batches more than 50 annotations", async () => {
  const jobId = await seedJob(db(), { externalId: 1, name: "unit", sha: "b".repeat(40) });
  const lines = Array.from({ length: 60 }, (_, i) => `2024-05-01T10:00:00.0000000Z step output ${i}`).join("\n");
  await saveFailureText(db().prisma, { jobId, repositoryId: SEED.repositoryId, now: new Date() }, failureTextOf(normaliseLog(lines)));
  const patterns = Array.from({ length: 60 }, (_, i) => `  - { id: p${i}, regex: 'output', class: flaky }`);
  const p = pullRequest("synchronize");
  nockInstallationToken(SEED.installationId);
  nockPullFilePages(owner, repo, p.number, [[{ filename: CONFIG }]]);
  nockRepoFileAt(owner, repo, CONFIG, p.pull_request.head.sha, `patterns:\n${patterns.join("\n")}\n`);
  const created: Captured = [];
  const updated: Captured = [];
  nockCreateCheckRun(owner, repo, 903, created);
  nockUpdateCheckRun(owner, repo, 903, updated);
  await receive(p);
  const output = (b: unknown) => (b as { output: { title: string; annotations: { start_line: number; message: string }[] } }).output;
  expect(output(created[0]).title).toBe(".github/sift.yml: 60 problems");
  expect(output(created[0]).annotations).toHaveLength(50);
  expect(output(created[0]).annotations[0]).toMatchObject({ start_line: 2, message: expect.stringMatching(/matches 60 of 60 lines of a sample/) });
  expect(output(updated[0]).annotations).toHaveLength(10);
  expect(output(updated[0]).title).toBe(".github/sift.yml: 60 problems");
});

it("fails closed when the file cannot be read at the head SHA", async () => {
  const p = pullRequest("synchronize");
  nockInstallationToken(SEED.installationId);
  nockPullFilePages(owner, repo, p.number, [[{ filename: CONFIG }]]);
  nockRepoFileAt(owner, repo, CONFIG, p.pull_request.head.sha, null);
  const created: Captured = [];
  nockCreateCheckRun(owner, repo, 904, created);
  await receive(p);
  expect(created[0]).toMatchObject({ conclusion: "failure", output: { summary: expect.stringContaining("could not be read") } });
});

it("annotates an _extends whose file is missing on its line, and fails the check", async () => {
  const p = pullRequest("synchronize");
  const yaml = ["retry:", "  max_attempts: 2", `_extends: ${owner}/sift-defaults`, ""].join("\n");
  nockInstallationToken(SEED.installationId);
  nockPullFilePages(owner, repo, p.number, [[{ filename: CONFIG }]]);
  nockRepoFileAt(owner, repo, CONFIG, p.pull_request.head.sha, yaml);
  // the file's chain as the app will read it: this file at the head SHA, then what it extends
  nockRepoFileAt(owner, repo, CONFIG, p.pull_request.head.sha, yaml);
  nockRepoFile(owner, "sift-defaults", CONFIG, null);
  const created: Captured = [];
  nockCreateCheckRun(owner, repo, 905, created);
  await receive(p);
  expect(created[0]).toMatchObject({
    conclusion: "failure",
    output: {
      title: ".github/sift.yml: 1 problem",
      annotations: [{ start_line: 3, title: "sift.yml: _extends", message: expect.stringMatching(new RegExp(`^${owner}/sift-defaults/\\.github/sift\\.yml was not found`)) }],
    },
  });
});

it("tells a pull request that adds .github/sift.yaml that Sift reads .github/sift.yml (the file would be ignored without a word)", async () => {
  const p = pullRequest("opened");
  nockInstallationToken(SEED.installationId);
  nockPullFilePages(owner, repo, p.number, [[{ filename: ".github/sift.yaml", status: "added" }, { filename: "src/a.ts" }]]);
  const created: Captured = [];
  nockCreateCheckRun(owner, repo, 906, created);
  await receive(p);
  expect(created[0]).toMatchObject({
    name: "Sift config",
    conclusion: "failure",
    output: {
      title: ".github/sift.yaml: 1 problem",
      annotations: [{ path: ".github/sift.yaml", start_line: 1, message: "Sift reads .github/sift.yml only: this file is ignored; rename it to .github/sift.yml" }],
    },
  });
});
