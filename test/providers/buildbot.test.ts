import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseLog } from "../../src/logs/index.js";
import { startBuildbotDouble, type BuildbotDouble } from "../provider-doubles/buildbot.js";
import { registryFor, statusOf } from "./registry-for.js";

let bb: BuildbotDouble;
beforeAll(async () => {
  bb = await startBuildbotDouble();
});
afterAll(() => bb.close());

const CONTEXT = "buildbot/linux-x64";
const reg = () => registryFor("buildbot", { url: bb.origin, token: bb.token });

describe("Buildbot", () => {
  it("reads steps and their raw stdio logs up to the failed step, as sections (the failed step is the failing step)", async () => {
    const build = { builderId: 3, number: 41, buildId: 7, steps: [
      { name: "git", results: 0, log: "checked out abc\n" },
      { name: "compile", results: 2, log: "cc -c a.c\nConnection to the other side was lost in a non-clean fashion.\n" },
      { name: "upload", results: 3 },
    ] };
    bb.builds.push(build);
    const result = await reg().statusLogProvider.fetch(statusOf(CONTEXT, bb.buildUrl(build)), { maxBytes: 1 << 20 });
    expect(result).toMatchObject({ ok: true, source: { ciProvider: "Buildbot" } });
    if (!result.ok) return;
    const log = normaliseLog(result.text);
    expect(log.steps.map((s) => s.name)).toEqual(["1_git", "2_compile"]);
    expect(log.failingStep?.name).toBe("2_compile");
    expect(log.slice(log.failingStep!.startLine, log.failingStep!.endLine)).toContain("Connection to the other side was lost");
  });

  it("a build that is not there is final; a 5xx is retried later", async () => {
    expect(await reg().statusLogProvider.fetch(statusOf(CONTEXT, `${bb.origin}/#/builders/3/builds/999`), {})).toMatchObject({ ok: false, retryLater: false });
    bb.outage = 502;
    try {
      expect(await reg().statusLogProvider.fetch(statusOf(CONTEXT, `${bb.origin}/#/builders/3/builds/41`), {})).toMatchObject({ ok: false, retryLater: true });
    } finally {
      bb.outage = null;
    }
  });

  it("rebuilds through the JSON-RPC method on the build", async () => {
    bb.builds.push({ builderId: 4, number: 2, buildId: 8, steps: [{ name: "test", results: 2, log: "x" }] });
    expect(await reg().rerun({ context: CONTEXT, url: `${bb.origin}/#/builders/4/builds/2`, owner: "acme" })).toMatchObject({ result: "requested" });
    expect(bb.rebuilds).toEqual([{ buildId: 8, body: { jsonrpc: "2.0", method: "rebuild", params: {}, id: 1 } }]);
  });
});
