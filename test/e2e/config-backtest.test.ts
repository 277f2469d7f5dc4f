// End to end (the real server, the GitHub double): a PR that adds a pattern matching a stored
// genuine failure gets a `Sift config` backtest listing it under genuine → flaky (neutral); once the
// pattern lands on the default branch (a push), an open PR's report changes from the kept text,
// without downloading its log again and without re-running it.
import { join } from "node:path";
import { expect, it } from "vitest";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { exampleOf } from "../helpers/webhook-examples.js";
import { useSiftWithDouble } from "./harness.js";

const OPEN = { pr: 21, head: sha(0x21) };
const CHANGE = { pr: 22, head: sha(0x22) };
const CONFIG = ".github/sift.yml";
const yaml = ["patterns:", "  - id: reformat-is-flaky", "    regex: 'Would reformat: '", "    class: flaky", ""].join("\n");

const { gh, sift } = useSiftWithDouble((gh) => {
  gh.state.pullFiles.set(OPEN.pr, ["src/a.py"]);
  gh.state.pullFiles.set(CHANGE.pr, [CONFIG]);
  gh.state.contents.set(`${REPO.owner}/${REPO.name}@${CHANGE.head}:${CONFIG}`, yaml);
  const log = readCorpusFile(join(corpusDir(), "logs", "genuine/gha-tagstudio-ruff-format-check.raw.log"));
  gh.state.jobs.set(1, { id: 1, runId: 9000, owner: REPO.owner, repo: REPO.name, name: "lint", headSha: OPEN.head, conclusion: "failure", status: "completed", runAttempt: 1, log });
});

function pullRequest(number: number, head: string) {
  const p = exampleOf("pull_request", "synchronize");
  p.installation = { id: INSTALLATION_ID, node_id: "x" };
  p.repository = { ...p.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...p.repository.owner, login: REPO.owner } };
  p.number = number;
  p.pull_request = { ...p.pull_request, number, head: { ...p.pull_request.head, sha: head } };
  return p;
}

function pushOfConfig() {
  const p = exampleOf("push");
  p.installation = { id: INSTALLATION_ID, node_id: "x" };
  p.repository = { ...p.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, default_branch: "main", owner: { ...p.repository.owner, login: REPO.owner } };
  Object.assign(p, { ref: "refs/heads/main", deleted: false, after: sha(0x99) });
  p.commits = [{ ...(p.commits[0] ?? {}), id: sha(0x99), added: [], removed: [], modified: [CONFIG] }];
  p.head_commit = p.commits[0];
  return p;
}

const runs = (s: string, name: string) => gh().state.checkRunsFor(REPO.owner, REPO.name, s).filter((c) => c.name === name);
const logDownloads = () => gh().state.requests.filter((r) => r.path.includes("/actions/jobs/1/logs")).length;

it("backtests a PR's new pattern over the stored failure, then re-classifies the open PR when it lands", async () => {
  // an open PR whose ruff failure is genuine
  expect((await sift().deliver("pull_request", pullRequest(OPEN.pr, OPEN.head))).status).toBe(200);
  expect((await sift().deliver("workflow_job", workflowJobPayload({ id: 1, sha: OPEN.head, name: "lint" }))).status).toBe(200);
  const [report] = await waitFor(async () => (runs(OPEN.head, "Sift")[0]?.output?.title?.endsWith("1 to fix") ? runs(OPEN.head, "Sift") : undefined), 30_000, "the open PR's report");
  expect(logDownloads()).toBe(1);

  // a PR adding a pattern that matches it: neutral, listed under genuine → flaky with its details link
  expect((await sift().deliver("pull_request", pullRequest(CHANGE.pr, CHANGE.head))).status).toBe(200);
  const [check] = await waitFor(async () => (runs(CHANGE.head, "Sift config").length ? runs(CHANGE.head, "Sift config") : undefined), 30_000, "the Sift config check");
  expect(check).toMatchObject({ status: "completed", conclusion: "neutral", output: { title: `${CONFIG} is valid; backtest: 1 genuine → flaky of 1 stored failures` } });
  expect(check!.output?.summary).toMatch(/#### Genuine → flaky or known problem \(1\)\n\n`reformat-is-flaky` \(added\): 1\n- \[octo\\-org\/octo\\-repo lint @ [0-9a-f]{7}\]\(https:\/\/sift\.e2e\/r\/octo-org\/octo-repo\/commit\/[0-9a-f]{40}\)/);

  // the pattern lands on the default branch: the open PR's report turns, from the kept text
  gh().state.contents.set(`${REPO.owner}/${REPO.name}:${CONFIG}`, yaml);
  expect((await sift().deliver("push", pushOfConfig())).status).toBe(200);
  await waitFor(async () => (report!.output?.title?.includes("1 flaky") ? true : undefined), 30_000, "the re-classified report");
  expect(report).toMatchObject({ status: "completed", conclusion: "success" });
  expect(report!.output?.summary).toContain("reformat-is-flaky");
  expect(report!.output?.summary).toMatch(/not re\\?-run retroactively/);
  expect(runs(OPEN.head, "Sift")).toHaveLength(1);
  expect(logDownloads()).toBe(1);
  expect(gh().state.reruns).toEqual([]);
  expect(sift().logs().filter((l) => l.level >= 50)).toEqual([]);
});
