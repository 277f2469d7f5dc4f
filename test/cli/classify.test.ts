// `sift classify` as users run it: the built CLI (npm test builds first) on real corpus logs.
import { execFile } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusLogs } from "../helpers/corpus.js";

const run = promisify(execFile);
const SIFT = resolve(import.meta.dirname, "../../dist/src/cli/sift.js");
const find = (folder: string, name: string) => corpusLogs(folder).find((f) => f.endsWith(name)) as string;

async function sift(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(SIFT)) throw new Error(`${SIFT} not found: run \`npm run build\` first (npm test does)`);
  try {
    const { stdout, stderr } = await run("node", [SIFT, "classify", ...args], { maxBuffer: 16 << 20, env: { ...process.env, SIFT_CACHE_DIR: join(dir, "cache") } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const jsonLines = (stdout: string) => stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sift classify --json", () => {
  it("prints one object per file with file, class, pattern, category, line, excerpt", async () => {
    const genuine = find("genuine", "gha-cidiff-gradle-junit-test-failure.raw.log");
    const infra = find("infra", "jenkins-git-clone-http-503-spork.log");
    const r = await sift("--json", genuine, infra);
    expect(r.code).toBe(0);
    const [a, b] = jsonLines(r.stdout);
    expect(Object.keys(a as object)).toEqual(["file", "class", "pattern", "category", "line", "excerpt"]);
    expect(a).toMatchObject({ file: genuine, class: "genuine", line: 515 });
    expect(b).toMatchObject({ file: infra, class: "flaky", line: 21 });
    expect(String(b?.excerpt)).toContain("503");
  });

  it("reports an unreadable log on stderr, exits non-zero, and still prints the other files", async () => {
    const ok = find("infra", "jenkins-git-clone-http-503-spork.log");
    const r = await sift("--json", join(dir, "missing.log"), ok);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^sift: cannot classify .*missing\.log: ENOENT/)]);
    expect(jsonLines(r.stdout)).toEqual([expect.objectContaining({ file: ok, class: "flaky" })]);
  });

  it("reports a bad config in one line, exits non-zero, and still classifies", async () => {
    const config = join(dir, "bad.yml");
    writeFileSync(config, "patterns: [ {id: x, regex: '(?<=a)b', class: flaky} ]\n");
    const broken = join(dir, "broken.yml");
    writeFileSync(broken, "patterns: [unclosed\n");
    const log = find("infra", "jenkins-git-clone-http-503-spork.log");
    for (const file of [config, broken]) {
      const r = await sift("--json", "--config", file, log);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(file === config ? /patterns\[0\]\.regex: .*look-behind/ : /bad config/);
      expect(jsonLines(r.stdout)).toEqual([expect.objectContaining({ class: "flaky" })]);
    }
  });

  it("names each config problem's line and column, as the Sift config check does, and says _extends is not followed", async () => {
    const config = join(dir, "located.yml");
    writeFileSync(config, ["_extends: .github", "retry:", "  max_attempts: 2", "  bogus: 1", "patterns:", "  - id: x", "    regex: '(?<=a)b'", "    class: flaky", ""].join("\n"));
    const broken = join(dir, "unclosed.yml");
    writeFileSync(broken, "retry:\n  max_attempts: [3\n");
    const log = find("infra", "jenkins-git-clone-http-503-spork.log");
    const r = await sift("--json", "--config", config, log);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      `sift: ${config}: _extends is not followed offline: only this file's patterns and the built-ins apply`,
      `sift: ${config}:4:3: retry.bogus: unknown key (known: enabled, max_attempts, budget_per_hour, backoff_seconds, exclude_workflows)`,
      expect.stringMatching(new RegExp(`^sift: ${config}:7:12: patterns\\[0\\]\\.regex: does not compile under RE2: .*look-behind`)),
    ]);
    const b = await sift("--json", "--config", broken, log);
    expect(b.code).toBe(1);
    expect(b.stderr.trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`^sift: bad config ${broken}:3:1: .*\\] \\(using built-in patterns only\\)$`))]);
  });

  it("applies the config's patterns, repo first", async () => {
    const config = join(dir, "known.yml");
    writeFileSync(config, "patterns:\n  - id: ours.gradle\n    regex: 'testClassicParsing\\(\\) FAILED'\n    class: known-problem\n    category: test\n");
    const r = await sift("--json", "--config", config, find("genuine", "gha-cidiff-gradle-junit-test-failure.raw.log"));
    expect(jsonLines(r.stdout)).toEqual([expect.objectContaining({ class: "known-problem", pattern: "ours.gradle", category: "test", line: 514 })]);
  });
});

describe("sift classify (human output)", () => {
  it("names the class, pattern and line, with the excerpt", async () => {
    const r = await sift(find("infra", "jenkins-no-space-left-on-device-checkout-nopol.log"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: flaky \(disk\.full, disk\) line \d+/);
    expect(r.stdout).toContain("    | ");
  });
});

describe("large logs are streamed", () => {
  it("gives the same verdict as in memory for a log past the in-memory limit, on several threads", async () => {
    const tail = readFileSync(find("genuine", "gha-cidiff-gradle-junit-test-failure.raw.log"));
    const filler = readFileSync(find("flaky-test", "gha-josm-network-dependent-test-connect-timeout.raw.log"));
    const big = join(dir, "big.log");
    const fd = openSync(big, "w");
    let lines = 0;
    for (let n = 0; n < 48 << 20; n += filler.length) {
      writeSync(fd, filler);
      lines += filler.toString("latin1").split("\n").length - 1;
    }
    writeSync(fd, tail);
    closeSync(fd);
    const config = join(dir, "whole.yml");
    writeFileSync(config, "log:\n  max_bytes: 268435456\n"); // the most allowed: the whole 48 MB log
    const r = await sift("--json", "--config", config, big);
    expect(r.stderr).toBe("");
    expect(jsonLines(r.stdout)).toEqual([expect.objectContaining({ class: "genuine", line: lines + 515 })]);
    const capped = await sift("--json", big); // default cap: 64 MiB tail, line numbers count from the cut
    expect(jsonLines(capped.stdout)[0]).toMatchObject({ class: "genuine" });
  }, 120_000);
});
