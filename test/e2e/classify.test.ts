// End to end through the spawned server and the GitHub double: real corpus logs served behind the
// storage redirect, classified by the real stages with the repo's `.github/sift.yml` from the double;
// a flaky job re-run once its workflow run completed, a genuine one never.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { exampleOf } from "../helpers/webhook-examples.js";
import { useSiftWithDouble } from "./harness.js";

const { gh, sift } = useSiftWithDouble();

type Repo = { id: number; owner: string; name: string };
const NIFI = "flaky-test/gha-apache-nifi-sftp-test-connection-reset.raw.log"; // built-in net.connection-reset
const RUFF = "genuine/gha-tagstudio-ruff-format-check.raw.log"; // "Would reformat: …" then exit code 1
const corpusLog = (path: string) => readCorpusFile(join(corpusDir(), "logs", path));

/** A failed job the double serves (its log through the 302 → storage redirect), and its delivery to Sift. */
async function failedJob(repo: Repo, o: { id: number; runId: number; sha: string; name: string; log: string }): Promise<void> {
  gh().state.jobs.set(o.id, { id: o.id, runId: o.runId, owner: repo.owner, repo: repo.name, name: o.name, headSha: o.sha, conclusion: "failure", status: "completed", runAttempt: 1, log: corpusLog(o.log) });
  const res = await sift().deliver("workflow_job", workflowJobPayload({ id: o.id, sha: o.sha, name: o.name, runId: o.runId, repo }));
  expect(res.status).toBe(200);
}

/** A `workflow_run` completed delivery (from the example payload) for one run of REPO. */
function workflowRunCompleted(runId: number, headSha: string) {
  const run = exampleOf("workflow_run", "completed");
  run.installation = { id: INSTALLATION_ID, node_id: "x" };
  run.repository = { ...run.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...run.repository.owner, login: REPO.owner } };
  run.workflow_run = { ...run.workflow_run, id: runId, head_sha: headSha, conclusion: "failure", pull_requests: [] };
  return run;
}

const siftRun = (repo: Repo, s: string) => gh().state.checkRunsFor(repo.owner, repo.name, s).find((c) => c.name === "Sift");
const rerunsOf = (ids: number[]) => gh().state.reruns.filter((r) => ids.includes(r.id)).map((r) => `${r.kind}:${r.id}`);
/** Waits for Sift's check run of `s` to be completed with a title matching `title`. */
const settled = (repo: Repo, s: string, title: RegExp, what: string) =>
  waitFor(async () => {
    const run = siftRun(repo, s);
    return run?.status === "completed" && title.test(run.output?.title ?? "") ? run : undefined;
  }, 25_000, what).catch((err: Error) => {
    throw new Error(`${err.message}; the check run says: ${JSON.stringify(siftRun(repo, s)?.output ?? null)}`);
  });

describe("built-in patterns on real logs", () => {
  it("re-runs the flaky job exactly once when its run completed, never the genuine one, and says so", async () => {
    const S = sha(0xc1a55);
    gh().state.runsInProgress.add(9801); // GitHub refuses a job re-run while its run still runs
    await failedJob(REPO, { id: 8101, runId: 9801, sha: S, name: "sftp-tests", log: NIFI });
    await failedJob(REPO, { id: 8201, runId: 9802, sha: S, name: "ruff", log: RUFF });

    const run = await settled(REPO, S, /^1 flaky \(re-running\), 1 to fix$/, "the flaky + genuine report");
    expect(run.conclusion).toBe("failure");
    expect(run.output?.summary).toContain("net.connection-reset");
    // GitHub answered the re-run with 403 "in progress": the report says it will re-run, not that it does
    expect(run.output?.summary).toMatch(/sftp\\?-tests.*net\.connection-reset`\) · will re-run/);
    expect(run.output?.summary).toContain("Would reformat: tagstudio/src/qt/widgets/thumb_renderer.py");
    // GitHub answered the re-run with 403 "in progress": the details page shows it waiting for the run
    const page = `${sift().base}/r/${REPO.owner}/${REPO.name}/commit/${S}`;
    await waitFor(async () => ((await (await fetch(page)).text()).includes("Re-run waiting automatically after attempt 1") ? true : undefined), 30_000, "a waiting re-run");
    const asked = gh().state.requests.filter((r) => r.method === "POST" && r.path.endsWith("/rerun")).map((r) => r.path);
    expect(new Set(asked)).toEqual(new Set([`/repos/${REPO.owner}/${REPO.name}/actions/jobs/8101/rerun`])); // never the genuine job
    expect(rerunsOf([8101, 8201])).toEqual([]);

    gh().state.runsInProgress.delete(9801);
    for (const runId of [9801, 9802]) expect((await sift().deliver("workflow_run", workflowRunCompleted(runId, S))).status).toBe(200);
    expect(rerunsOf([8101, 8201])).toEqual(["job:8101"]);
    expect(gh().state.reruns.filter((r) => r.kind !== "job" && [9801, 9802].includes(r.id))).toEqual([]); // no run-wide re-runs

    // a second completion of the same run asks for nothing more
    expect((await sift().deliver("workflow_run", workflowRunCompleted(9801, S))).status).toBe(200);
    expect(rerunsOf([8101, 8201])).toEqual(["job:8101"]);
  });
});

describe("the repo's .github/sift.yml, served by the double", () => {
  it("flips a genuine failure to known-problem, and the check run to success, once a pattern names it", async () => {
    const repo = { id: 5102, owner: REPO.owner, name: "known-repo" };
    const S = sha(0xc1a56);
    await failedJob(repo, { id: 8301, runId: 9803, sha: S, name: "ruff", log: RUFF });
    expect((await settled(repo, S, /^1 to fix$/, "the genuine report")).conclusion).toBe("failure");

    gh().state.contents.set(
      `${repo.owner}/${repo.name}:.github/sift.yml`,
      [
        "patterns:",
        "  - id: ruff-format-drift",
        "    regex: 'Would reformat: tagstudio/'",
        "    class: known-problem",
        "    description: ruff 0.4 formats thumb_renderer.py differently; tracked upstream",
        "    issue: https://github.com/octo-org/known-repo/issues/12",
      ].join("\n"),
    );
    await failedJob(repo, { id: 8302, runId: 9803, sha: S, name: "ruff (py3.12)", log: RUFF }); // re-analyses the SHA
    const run = await settled(repo, S, /^2 known problems$/, "the known-problem report");
    expect(run.conclusion).toBe("success");
    expect(run.output?.summary).toContain("Known problems (2)");
    expect(run.output?.summary).toContain("(pattern `ruff-format-drift`)");
    expect(run.output?.summary).toContain("([issue](https://github.com/octo-org/known-repo/issues/12))");
    expect(gh().state.checkRunsFor(repo.owner, repo.name, S).filter((c) => c.name === "Sift")).toHaveLength(1);
    expect(rerunsOf([8301, 8302])).toEqual([]); // known problems are never re-run
  });

  it("shows a pattern RE2 rejects as a configuration problem in the check run, and still applies the built-ins", async () => {
    const repo = { id: 5103, owner: REPO.owner, name: "bad-config-repo" };
    const S = sha(0xc1a57);
    gh().state.contents.set(
      `${repo.owner}/${repo.name}:.github/sift.yml`,
      ["patterns:", "  - { id: lookbehind, regex: '(?<=ruff )fail', class: flaky }"].join("\n"),
    );
    await failedJob(repo, { id: 8401, runId: 9804, sha: S, name: "sftp-tests", log: NIFI });
    // Sift's re-run of the flaky job is on its way: the check run stays in progress meanwhile.
    const run = await waitFor(async () => (/^1 flaky/.test(siftRun(repo, S)?.output?.title ?? "") ? siftRun(repo, S) : undefined), 25_000, "the report with a config problem");
    expect(run?.status).toBe("in_progress");
    expect(run?.output?.summary).toContain("Configuration problems");
    expect(run?.output?.summary).toContain(`${repo.owner}/${repo.name}/.github/sift.yml`);
    expect(run?.output?.summary).toContain("patterns[0].regex");
    expect(run?.output?.summary).toMatch(/lookbehind|RE2/);
    expect(run?.output?.summary).toContain("net.connection-reset");
  });
});

it("logs no error and never sends the token to log storage", () => {
  expect(sift().logs().filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
  expect(gh().state.storageAuthViolations).toEqual([]);
});
