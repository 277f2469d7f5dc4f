// `sift --help`, `sift help` and `sift classify --help` print the usage and succeed; an unknown option
// or command fails with the usage. Runs the built CLI (npm test builds first).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const SIFT = resolve(import.meta.dirname, "../../dist/src/cli/sift.js");

async function sift(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(SIFT)) throw new Error(`${SIFT} not found: run \`npm run build\` first (npm test does)`);
  try {
    const { stdout, stderr } = await run("node", [SIFT, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("sift help", () => {
  for (const args of [["--help"], ["help"], ["-h"], ["classify", "--help"], ["classify", "-h"]]) {
    it(`sift ${args.join(" ")} prints every option and exits 0`, async () => {
      const r = await sift(...args);
      expect(r.code).toBe(0);
      for (const option of ["--config FILE", "--json", "--threads N", "--help"]) expect(r.stdout).toContain(option);
      expect(r.stderr).toBe("");
    });
  }

  it("an unknown option fails with the usage and a non-zero exit", async () => {
    const r = await sift("classify", "--colour", "x.log");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("--colour");
    expect(r.stderr).toContain("usage: sift classify");
  });

  for (const threads of ["abc", "0", "2.5"]) {
    it(`--threads ${threads} is a bad argument (exit 2 with the usage), not silently ignored`, async () => {
      const r = await sift("classify", "--threads", threads, "x.log");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--threads needs a whole number of threads of at least 1, not "${threads}"`);
      expect(r.stderr).toContain("usage: sift classify");
      expect(r.stdout).toBe("");
    });
  }

  it("an unknown command fails with the usage and a non-zero exit", async () => {
    const r = await sift("judge", "x.log");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('unknown command "judge"');
    expect(r.stderr).toContain("usage: sift classify");
  });
});
