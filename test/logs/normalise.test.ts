import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanBytes, normaliseLog } from "../../src/logs/index.js";
import { corpusLogs } from "../helpers/corpus.js";

const ESC = "\u001b";

describe("cleanBytes", () => {
  it("strips CSI colours, OSC titles and Buildkite APC stamps", () => {
    const raw = `${ESC}_bk;t=1745322209921\u0007${ESC}[90m$${ESC}[0m cd /x\n${ESC}]0;title\u0007ok\n`;
    expect(cleanBytes(Buffer.from(raw)).toString()).toBe("$ cd /x\nok\n");
  });

  it("turns CRLF into LF and keeps only the last redraw of a bare-CR progress line", () => {
    expect(cleanBytes(Buffer.from("a\r\n10%\r50%\r100%\r\nb\r\n")).toString()).toBe("a\n100%\nb\n");
  });

  it("drops NUL bytes and never removes a newline", () => {
    const out = cleanBytes(Buffer.from("a\u0000b\n\u0000\n\r\n")).toString();
    expect(out).toBe("ab\n\n\n");
  });

  it("returns the input itself when nothing needs cleaning", () => {
    const buf = Buffer.from("plain\ntext\n");
    expect(cleanBytes(buf)).toBe(buf);
  });
});

describe("normaliseLog", () => {
  it("strips GitHub timestamps and the BOM, keeping line numbers", () => {
    const raw = "\ufeff2024-10-10T09:28:26.4151509Z first\n2024-10-10T09:28:26.4151510Z ##[error]second\n";
    const log = normaliseLog(raw);
    expect(log.format).toBe("github");
    expect(log.text).toBe("first\n##[error]second\n");
    expect(log.lineCount).toBe(2);
    expect(log.line(2)).toBe("##[error]second");
    expect(log.lineAt(log.text.indexOf("second"))).toBe(2);
  });

  it("survives invalid UTF-8", () => {
    const raw = Buffer.concat([Buffer.from("ok\nbad "), Buffer.from([0xff, 0xfe]), Buffer.from(" bytes\n")]);
    const log = normaliseLog(raw);
    expect(log.lineCount).toBe(2);
    expect(log.line(2)).toBe("bad \ufffd\ufffd bytes");
  });

  it("reads gh run view --log lines (job, tab, step, tab, timestamp)", () => {
    const raw = "build\tSet up job\t2021-12-01T13:00:40.1Z Current runner\nbuild\tRun tests\t2021-12-01T13:00:41.1Z FAILED x\n";
    const log = normaliseLog(raw);
    expect(log.format).toBe("gh-cli");
    expect(log.text).toBe("Current runner\nFAILED x\n");
    expect(log.steps.map((s) => s.name)).toEqual(["Set up job", "Run tests"]);
  });

  it("strips Jenkins HH:MM:SS and Taskcluster [task …] prefixes only in logs of that format", () => {
    const jenkins = normaliseLog("19:15:49 Started by upstream\n19:15:50 Building\n");
    expect(jenkins.format).toBe("jenkins-timestamps");
    expect(jenkins.text).toBe("Started by upstream\nBuilding\n");
    const tc = normaliseLog("[taskcluster 2025-02-13 09:58:31.699Z] Task ID: R6\n[task 2025-02-13T10:00:00.000Z] hello\n");
    expect(tc.text).toBe("Task ID: R6\nhello\n");
    const plain = normaliseLog("Build started\nstep two\n12:00:01 is content here\n");
    expect(plain.text).toBe("Build started\nstep two\n12:00:01 is content here\n");
  });

  it("reads Travis fold markers glued to text", () => {
    const raw = "travis_fold:end:worker_info\r\u001b[0Ktravis_fold:start:system_info\r\u001b[0K\u001b[33;1mBuild system information\u001b[0m\r\nnext\r\n";
    expect(normaliseLog(raw).text).toBe("Build system information\nnext\n");
  });

  it("passes truncatedHeadBytes through", () => {
    expect(normaliseLog("x\n", { truncatedHeadBytes: 1234 }).truncatedHeadBytes).toBe(1234);
  });
});

describe("normaliseLog on the corpus", () => {
  const files = ["genuine", "infra", "flaky-test", "unknown"].flatMap(corpusLogs);

  it("has logs to read", () => expect(files.length).toBeGreaterThan(30));

  it.each(files.map((f) => [f.split("/logs/")[1] as string, f]))("%s: same line count, no escapes, CR, NUL or GitHub timestamps", (_name, file) => {
    const raw = readFileSync(file);
    const log = normaliseLog(raw);
    const rawLines = raw.toString("latin1").split("\n");
    const expected = rawLines[rawLines.length - 1] === "" ? rawLines.length - 1 : rawLines.length;
    expect(log.lineCount).toBe(expected);
    for (const c of ["\u001b", "\r", "\u0000"]) expect(log.text.includes(c)).toBe(false);
    if (log.format === "github") expect(log.text).not.toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z /m);
  });

  it("detects the formats the corpus documents", () => {
    const format = (name: string) => normaliseLog(readFileSync(files.find((f) => f.endsWith(name)) as string)).format;
    expect(format("gha-cidiff-gradle-test-failure.gh-cli-format.log")).toBe("gh-cli");
    expect(format("gha-trl-pre-commit-ruff-lint.raw.log")).toBe("github");
    expect(format("jenkins-nodejs-git-rebase-dirty-workspace.txt")).toBe("jenkins-timestamps");
    expect(format("taskcluster-mochitest-max-run-time-exceeded.log")).toBe("taskcluster");
  });

  it("strips Buildkite stamps", () => {
    const log = normaliseLog(readFileSync(files.find((f) => f.includes("buildkite")) as string));
    expect(log.line(1)).toBe("~~~ Running global environment hook");
  });
});
