// The classify stage with CI providers: statuses and provider apps' check runs are read through the
// provider's API (strict nock standing for CircleCI), and the failure says whether Sift can re-run it.
import nock from "nock";
import { describe, expect, it } from "vitest";
import { createClassifyStage } from "../../src/analyse/classify-job.js";
import type { AnalysisContext, JobInfo } from "../../src/model/index.js";
import { configFromFiles } from "../../src/config/load.js";
import { allProviders, createCredentialStore, createProviderRegistry } from "../../src/providers/index.js";
import { testOctokit, useStrictNock } from "../helpers/github-nock.js";
import { captureLogger } from "../helpers/probot.js";

useStrictNock();

const CIRCLE = "https://circleci.com";
const STORAGE = "https://circle-production-action-output.s3.amazonaws.com";
const URL = "https://app.circleci.com/pipelines/github/octo/app/3/workflows/5c0f5f5e-8a41-4b8e-9a3e-3f1d2c4b5a69/jobs/88";
const ctx: AnalysisContext<ReturnType<typeof configFromFiles>["compiled"]> = {
  octokit: testOctokit(),
  repo: { id: "1", owner: "octo", name: "app", private: false, installationId: 100 },
  sha: "a".repeat(40),
  log: captureLogger().log,
  now: () => new Date("2026-11-23T12:00:00Z"),
  config: configFromFiles([], "octo", "app"),
};
const job = (o: Partial<JobInfo>): JobInfo => ({
  id: 1,
  provider: "status",
  externalId: `${"a".repeat(40)}/ci/circleci: build`,
  name: "ci/circleci: build",
  workflowName: null,
  runId: null,
  runAttempt: 1,
  conclusion: "failure",
  htmlUrl: URL,
  headSha: "a".repeat(40),
  headBranch: "feature",
  prNumbers: [],
  startedAt: null,
  completedAt: new Date("2026-11-23T11:00:00Z"),
  logUrl: URL,
  ...o,
});
const withToken = () => createProviderRegistry({ providers: allProviders, credentials: createCredentialStore({ circleci: { octo: { token: "cci" } } }) });

function nockCircleJob(): void {
  nock(CIRCLE, { reqheaders: { "circle-token": "cci" } })
    .get("/api/v1.1/project/github/octo/app/88")
    .reply(200, { steps: [{ name: "Spin up environment", actions: [{ status: "infrastructure_fail", output_url: `${STORAGE}/88-0?X-Amz-Signature=s` }] }] });
  nock(STORAGE, { badheaders: ["circle-token", "authorization"] })
    .get("/88-0")
    .query(true)
    .reply(200, [{ type: "out", message: "We had an unexpected error preparing the VM for this build, potentially due to our infrastructure or cloud provider.\n" }]);
}

describe("classify stage with CI providers", () => {
  it("reads a CircleCI status through the API, calls it flaky, and says it can be re-run through CircleCI", async () => {
    nockCircleJob();
    const failure = await createClassifyStage({ providers: withToken() })(job({}), ctx);
    expect(failure).toMatchObject({ class: "flaky", patternId: "circleci.infrastructure-fail", providerRerun: { provider: "CircleCI", possible: true } });
  });

  it("reads a circleci-checks check run through the API too, but leaves its re-run to GitHub's re-request", async () => {
    nockCircleJob();
    const failure = await createClassifyStage({ providers: withToken() })(job({ provider: "check_run", externalId: "555", name: "build", appSlug: "circleci-checks" }), ctx);
    expect(failure).toMatchObject({ class: "flaky", patternId: "circleci.infrastructure-fail" });
    expect(failure.providerRerun).toBeUndefined();
  });

  it("without credentials: genuine with the reason, and no re-run", async () => {
    const none = createProviderRegistry({ providers: allProviders, credentials: createCredentialStore({}) });
    const failure = await createClassifyStage({ providers: none })(job({}), ctx);
    expect(failure.class).toBe("genuine");
    expect(failure.reason).toContain("Sift has no CircleCI credentials for octo");
    expect(failure.providerRerun).toEqual({ provider: "CircleCI", possible: false, reason: expect.stringContaining("Sift has no CircleCI credentials for octo") });
  });
});
