import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseLog } from "../../src/logs/index.js";
import { startJenkinsDouble, type JenkinsDouble } from "../provider-doubles/jenkins.js";
import { registryFor, statusOf } from "./registry-for.js";

let jenkins: JenkinsDouble;
beforeAll(async () => {
  jenkins = await startJenkinsDouble();
});
afterAll(() => jenkins.close());

const CONTEXT = "continuous-integration/jenkins/pr-merge";
const reg = () => registryFor("jenkins", { url: jenkins.origin, user: jenkins.user, token: jenkins.token });

describe("Jenkins", () => {
  it("streams <build>/consoleText with basic auth; Timestamper prefixes are stripped by the normaliser", async () => {
    const b = jenkins.add({ jobPath: "job/acme/job/app/job/PR-12", number: 3, console: "10:00:01 Started by GitHub push\n10:00:02 [ERROR] Tests run: 4, Failures: 1\n10:00:03 Finished: FAILURE\n" });
    const result = await reg().statusLogProvider.fetch(statusOf(CONTEXT, jenkins.buildUrl(b)), { maxBytes: 1 << 20 });
    expect(result).toMatchObject({ ok: true, source: { ciProvider: "Jenkins", url: `${jenkins.origin}/job/acme/job/app/job/PR-12/3/consoleText` } });
    if (!result.ok) return;
    expect(result.source.notes).toEqual(["Jenkins gives no steps: the whole log counts as the failing step"]);
    expect(normaliseLog(result.text).text).toBe("Started by GitHub push\n[ERROR] Tests run: 4, Failures: 1\nFinished: FAILURE\n");
    const asked = jenkins.requests.find((r) => r.path.endsWith("/3/consoleText"));
    expect(asked?.headers.authorization).toBe(`Basic ${Buffer.from(`${jenkins.user}:${jenkins.token}`).toString("base64")}`);
  });

  it("keeps only the tail of a long console", async () => {
    const b = jenkins.add({ jobPath: "job/big", number: 1, console: `${"noise\n".repeat(2000)}FATAL: hudson.remoting.Channel$OrderlyShutdown\n` });
    const result = await reg().statusLogProvider.fetch(statusOf(CONTEXT, jenkins.buildUrl(b)), { maxBytes: 200 });
    expect(result).toMatchObject({ ok: true, truncatedHeadBytes: expect.any(Number) });
    if (result.ok) {
      expect(result.text.endsWith("FATAL: hudson.remoting.Channel$OrderlyShutdown\n")).toBe(true);
      expect(result.truncatedHeadBytes).toBeGreaterThan(11_000);
    }
  });

  it("a deleted build (404) is final; a 503 is retried later", async () => {
    const gone = await reg().statusLogProvider.fetch(statusOf(CONTEXT, `${jenkins.origin}/job/acme/job/app/job/PR-12/99/`), {});
    expect(gone).toMatchObject({ ok: false, retryLater: false, reason: expect.stringContaining("(404)") });
    jenkins.outage = 503;
    try {
      const down = await reg().statusLogProvider.fetch(statusOf(CONTEXT, `${jenkins.origin}/job/acme/job/app/job/PR-12/3/`), {});
      expect(down).toMatchObject({ ok: false, retryLater: true });
    } finally {
      jenkins.outage = null;
    }
  });

  it("re-runs with a crumb and its session cookie: /build without parameters, /buildWithParameters with the build's own", async () => {
    jenkins.add({ jobPath: "job/plain", number: 7, console: "x" });
    const p = jenkins.add({ jobPath: "job/acme/job/param", number: 4, console: "x", parameters: [{ name: "BRANCH", value: "PR-12" }, { name: "FAST", value: "true" }] });
    expect(await reg().rerun({ context: CONTEXT, url: `${jenkins.origin}/job/plain/7/console`, owner: "acme" })).toMatchObject({ result: "requested" });
    expect(await reg().rerun({ context: CONTEXT, url: jenkins.buildUrl(p), owner: "acme" })).toMatchObject({ result: "requested" });
    expect(jenkins.triggered).toEqual([
      { jobPath: "job/plain", endpoint: "build", form: "" },
      { jobPath: "job/acme/job/param", endpoint: "buildWithParameters", form: "BRANCH=PR-12&FAST=true" },
    ]);
  });

  it("wrong credentials: the log is refused (401) and counts as final; the re-run fails with the reason", async () => {
    const bad = registryFor("jenkins", { url: jenkins.origin, user: "sift", token: "wrong" });
    const result = await bad.statusLogProvider.fetch(statusOf(CONTEXT, `${jenkins.origin}/job/acme/job/app/job/PR-12/3/`), {});
    expect(result).toMatchObject({ ok: false, retryLater: false, reason: expect.stringContaining("refused Sift's credentials (401)") });
    expect(await bad.rerun({ context: CONTEXT, url: `${jenkins.origin}/job/plain/7/`, owner: "acme" })).toMatchObject({ result: "failed", message: expect.stringContaining("401") });
  });
});
