// End to end through the spawned server, the GitHub double and provider doubles: a commit status of
// CircleCI, Jenkins or GitLab whose log says the infrastructure failed is called flaky and re-run
// through that provider's API; a provider without credentials leaves the failure genuine, saying why.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import { REPO, sha, statusPayload } from "../helpers/payloads.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { startCircleCiDouble, type CircleCiDouble } from "../provider-doubles/circleci.js";
import { startGitLabDouble, type GitLabDouble } from "../provider-doubles/gitlab.js";
import { startJenkinsDouble, type JenkinsDouble } from "../provider-doubles/jenkins.js";
import { useSiftWithDouble } from "./harness.js";

let circle: CircleCiDouble;
let jenkins: JenkinsDouble;
let gitlab: GitLabDouble;
const dir = mkdtempSync(join(tmpdir(), "sift-providers-"));
const providersFile = join(dir, "providers.yml");

beforeAll(async () => {
  [circle, jenkins, gitlab] = await Promise.all([startCircleCiDouble(), startJenkinsDouble(), startGitLabDouble()]);
  // The operator's secrets file: credentials per provider and organisation (Buildkite has none).
  writeFileSync(
    providersFile,
    [
      "circleci:",
      `  ${REPO.owner}: { url: "${circle.origin}", token: "${circle.token}" }`,
      "jenkins:",
      `  ${REPO.owner}: { url: "${jenkins.origin}", user: "${jenkins.user}", token: "${jenkins.token}" }`,
      "gitlab:",
      `  "*": { url: "${gitlab.origin}", token: "${gitlab.token}" }`,
    ].join("\n"),
  );
});
const { gh, sift } = useSiftWithDouble(undefined, { SIFT_PROVIDERS_FILE: providersFile });
afterAll(async () => {
  await Promise.all([circle?.close(), jenkins?.close(), gitlab?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const FINISHED = "2026-01-05T10:00:00Z"; // long enough ago that the re-run backoff has passed
const siftRun = (s: string) => gh().state.checkRunsFor(REPO.owner, REPO.name, s).find((c) => c.name === "Sift");
/** Waits for Sift's check run of `s` with this title and status (in progress while a re-run is on its way). */
const settled = (s: string, title: RegExp, what: string, status: "completed" | "in_progress" = "completed") =>
  waitFor(async () => {
    const run = siftRun(s);
    return run?.status === status && title.test(run.output?.title ?? "") ? run : undefined;
  }, 25_000, what).catch((err: Error) => {
    throw new Error(`${err.message}; the check run says: ${JSON.stringify(siftRun(s)?.output ?? null)}`);
  });
const deliverStatus = async (s: string, state: string, context: string, targetUrl: string, updatedAt = FINISHED) => {
  const res = await sift().deliver("status", statusPayload({ sha: s, state, context, targetUrl, updatedAt }));
  expect(res.status).toBe(200);
};
const failedStatus = (s: string, context: string, targetUrl: string) => deliverStatus(s, "failure", context, targetUrl);

describe("statuses of other CI providers", () => {
  it("CircleCI: a job whose machine never came is flaky, and its workflow is re-run from failed", async () => {
    const S = sha(0x9c1);
    const job = {
      org: REPO.owner,
      repo: REPO.name,
      number: 4711,
      workflowId: "5c0f5f5e-8a41-4b8e-9a3e-3f1d2c4b5a69",
      steps: [
        { name: "Spin up environment", status: "success" as const, output: "Build-agent version 1.0.227617\nCreating a dedicated VM with ubuntu-2204:current image\n" },
        { name: "Preparing environment variables", status: "infrastructure_fail" as const, output: "We had an unexpected error preparing the VM for this build, potentially due to our infrastructure or cloud provider. Please retry the build in a few minutes.\n" },
      ],
    };
    circle.jobs.set(job.number, job);
    await failedStatus(S, "ci/circleci: build", circle.jobUrl(job));
    const run = await settled(S, /^1 flaky \(re-running\)$/, "the CircleCI flaky report", "in_progress");
    expect(run.output?.summary).toContain("circleci.infrastructure-fail");
    await waitFor(async () => (circle.reruns.length > 0 ? true : undefined), 10_000, "the workflow re-run");
    expect(circle.reruns).toEqual([{ workflowId: job.workflowId, body: { from_failed: true } }]);
    expect(circle.tokenLeaks).toEqual([]);
    // the re-run passes: CircleCI posts success on the same context, and Sift's check run goes green
    await deliverStatus(S, "success", "ci/circleci: build", circle.jobUrl({ ...job, number: 4712 }), new Date().toISOString());
    expect((await settled(S, /./, "the check run after the passing re-run")).conclusion).toBe("success");
    expect(circle.reruns).toHaveLength(1);
  });

  it("Jenkins: a real agent-lost console is flaky, and the job is rebuilt with a crumb", async () => {
    const S = sha(0x9c2);
    const build = jenkins.add({ jobPath: `job/${REPO.owner}/job/${REPO.name}/job/PR-7`, number: 12, console: readCorpusFile(join(corpusDir(), "logs/infra/jenkins-agent-channel-orderly-shutdown-astor.log")) });
    await failedStatus(S, "continuous-integration/jenkins/pr-merge", jenkins.buildUrl(build));
    const run = await settled(S, /^1 flaky \(re-running\)$/, "the Jenkins flaky report", "in_progress");
    // the agent's OrderlyShutdown: the classifier may name it by the Jenkins pattern or the generic signal
    expect(run.output?.summary).toMatch(/pattern `(jenkins\.agent-lost|sift\.signal\.runner-died)`/);
    expect(run.output?.summary).toContain("Jenkins gives no steps");
    await waitFor(async () => (jenkins.triggered.length > 0 ? true : undefined), 10_000, "the Jenkins rebuild");
    expect(jenkins.triggered).toEqual([{ jobPath: build.jobPath, endpoint: "build", form: "" }]);
  });

  it("GitLab: a pipeline whose one failed job hit a runner system failure is flaky, and the pipeline's failed jobs are retried", async () => {
    const S = sha(0x9c3);
    const project = `${REPO.owner}/${REPO.name}`;
    const trace = [
      "section_start:1767607200:prepare_executor\r\u001b[0KPreparing the \"kubernetes\" executor",
      "Using Kubernetes namespace: ci",
      "section_end:1767607201:prepare_executor\r\u001b[0K",
      "section_start:1767607201:prepare_script\r\u001b[0KPreparing environment",
      "Waiting for pod ci/runner-abc-project-1-concurrent-0 to be running, status is Pending",
      "section_end:1767607500:prepare_script\r\u001b[0K",
      "ERROR: Job failed (system failure): prepare environment: waiting for pod running: timed out waiting for pod to start",
      "",
    ].join("\n");
    gitlab.pipelines.set(project, new Map([[880, [{ id: 9001, name: "build", status: "success" }, { id: 9002, name: "test", status: "failed", trace }]]]));
    await failedStatus(S, "ci/gitlab/gitlab.com", gitlab.pipelineUrl(project, 880));
    const run = await settled(S, /^1 flaky \(re-running\)$/, "the GitLab flaky report", "in_progress");
    expect(run.output?.summary).toContain("gitlab.system-failure");
    await waitFor(async () => (gitlab.retried.length > 0 ? true : undefined), 10_000, "the GitLab retry");
    expect(gitlab.retried).toEqual(["pipeline:880"]);
  });

  it("a provider without credentials: the failure stays genuine, and the check run says why", async () => {
    const S = sha(0x9c4);
    await failedStatus(S, "buildkite/app", "https://buildkite.com/octo-org/app/builds/5");
    const run = await settled(S, /^1 to fix$/, "the genuine report");
    expect(run.conclusion).toBe("failure");
    const summary = (run.output?.summary ?? "").replace(/\\/g, ""); // markdown escapes
    expect(summary).toContain(`Sift has no Buildkite credentials for ${REPO.owner} (SIFT_PROVIDERS_FILE: buildkite → ${REPO.owner}, or SIFT_BUILDKITE_TOKEN)`);
    expect(summary).toContain("counted as genuine");
  });

  it("logs no error", () => {
    expect(sift().logs().filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
  });
});
