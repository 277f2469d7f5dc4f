// `sift backtest` as users run it: the built CLI against a PGlite data folder holding stored failures.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrate, openDatabase } from "../../src/db/index.js";
import { seedRepository } from "../helpers/seed-jobs.js";
import { NIFI, RUFF, seedStoredFailure } from "../backtest/seed-failures.js";

const run = promisify(execFile);
const SIFT = resolve(import.meta.dirname, "../../dist/src/cli/sift.js");
const DAY = 24 * 3600 * 1000;
let dir: string;

async function sift(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return siftOn(join(dir, "data"), ...args);
}

async function siftOn(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(SIFT)) throw new Error(`${SIFT} not found: run \`npm run build\` first (npm test does)`);
  try {
    const { stdout, stderr } = await run("node", [SIFT, "backtest", ...args], { env: { ...process.env, DATABASE_URL: "", SIFT_DATA_DIR: dataDir } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sift-backtest-"));
  const db = await openDatabase({ dataDir: join(dir, "data") });
  await migrate(db.sql);
  await seedRepository(db);
  await seedStoredFailure(db, { externalId: 1, name: "ruff", corpus: RUFF, at: new Date(Date.now() - 2 * DAY) });
  await seedStoredFailure(db, { externalId: 2, name: "sftp", corpus: NIFI, at: new Date(Date.now() - 10 * DAY) });
  await db.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("lists genuine → flaky first, human and --json, within --since and --repo", async () => {
  const config = join(dir, "new.yml");
  writeFileSync(config, "patterns:\n  - { id: reformat, regex: 'Would reformat: ', class: flaky }\n  - { id: sftp-known, regex: 'Connection reset', class: known-problem, issue: 'https://github.com/o/r/issues/1' }\n");
  const human = await sift("--config", config);
  expect(human.code).toBe(0);
  const lines = human.stdout.split("\n");
  expect(lines[0]).toBe(`backtest of ${config} over 2 stored failures since ${new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10)}`);
  const danger = lines.indexOf("genuine → flaky or known problem: 1");
  expect(lines[danger + 1]).toMatch(/^ {2}octo-org\/octo-repo@0{10} "ruff" \d{4}-\d\d-\d\d: genuine \(sift\.genuine[^)]*\) → flaky \(reformat\) line \d+: "Would reformat: "$/);
  expect(lines.indexOf("other class changes: 1")).toBeGreaterThan(danger);
  expect(human.stdout).toMatch(/flaky \(net\.connection-reset\) → known-problem \(sftp-known\)/);

  const json = await sift("--config", config, "--json", "--since", "5", "--repo", "octo-org/octo-repo");
  const result = JSON.parse(json.stdout) as { examined: number; changes: { job: string }[]; problems: unknown[] };
  expect(result).toMatchObject({ examined: 1, changes: [{ job: "ruff" }], problems: [] });
});

it("reports config problems with file:line:column and exits 1, and refuses bad arguments with 2", async () => {
  const config = join(dir, "bad.yml");
  writeFileSync(config, "patterns:\n  - id: bad\n    regex: '(?<=x)y'\n    class: flaky\n");
  const bad = await sift("--config", config);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain(`sift: ${config}:3:12: patterns[0].regex: does not compile under RE2`);
  expect((await sift("--since", "5")).code).toBe(2);
  expect((await sift("--config", config, "--repo", "nope")).code).toBe(2);
});

it("says where it looked, in one line and with exit 2, when there is no Sift database there (and creates none)", async () => {
  const config = join(dir, "ok.yml");
  writeFileSync(config, "patterns: []\n");
  const typo = join(dir, "dta");
  const missing = await siftOn(typo, "--config", config);
  expect([missing.code, missing.stdout]).toEqual([2, ""]);
  expect(missing.stderr.trim().split("\n")).toEqual([`sift: no Sift database in ${typo} (SIFT_DATA_DIR): start Sift once with it, or set SIFT_DATA_DIR or DATABASE_URL to the one it uses`]);
  expect(existsSync(typo)).toBe(false);

  const empty = join(dir, "empty");
  await (await openDatabase({ dataDir: empty })).close(); // a database, but Sift never ran on it
  const unmigrated = await siftOn(empty, "--config", config);
  expect([unmigrated.code, unmigrated.stdout]).toEqual([2, ""]);
  expect(unmigrated.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^sift: the database pglite at .*empty has no Sift tables: start Sift once with it \(or npm run db:migrate\)$/)]);
});
