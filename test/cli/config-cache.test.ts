// The CLI's config cache: a warm load gives what a cold one gives (patterns, problems, settings,
// hash), an edited file or a broken entry is never served stale, and no cache is no failure.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configCacheDir, STAMPED_FOLDERS } from "../../src/cli/config-cache.js";
import { loadConfig, type LoadedConfig } from "../../src/cli/load-config.js";
import { jsonLines, runSift } from "./run-sift.js";
import { corpusLogs } from "../helpers/corpus.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-config-cache-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = (c: LoadedConfig) => ({
  ids: c.compiled.patterns.map((p) => `${p.origin}:${p.pattern.id}:${p.probe ?? "multi"}`),
  probes: c.compiled.probes.map((p) => p.source),
  problems: c.problems,
  settings: c.settings,
  hash: c.compiled.hash,
  error: c.error,
});

const CONFIG = [
  "log: { max_bytes: 1048576 }",
  "patterns:",
  "  - { id: ours.flake, regex: 'connection refused by db', class: flaky, category: service }",
  "  - { id: ours.bad, regex: '(?<=x)y', class: flaky }",
  "  - { id: ours.multi, regex: 'first\\nsecond', class: known-problem, multiline: true }",
  "  - { id: ours.unknown-key, regex: 'x', class: flaky, colour: red }",
  "",
].join("\n");

/** The src/ modules `file` imports, and theirs, transitively (relative imports only). */
function importClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const m of readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\b[^;]*?from "(\.[^"]+)"/gm)) {
    importClosure(resolve(dirname(file), (m[1] as string).replace(/\.js$/, ".ts")), seen);
  }
  return seen;
}

describe("config cache", () => {
  it("is keyed by every folder of the code that checks a config (a new schema must not be served an old build's verdict)", () => {
    const src = resolve(import.meta.dirname, "../../src");
    const folders = new Set([...importClosure(join(src, "cli/check-config.ts"))].map((f) => relative(src, f).split(sep)[0] as string));
    expect(folders.has("model")).toBe(true);
    expect([...folders].filter((f) => !(STAMPED_FOLDERS as readonly string[]).includes(f))).toEqual([]);
  });


  it("gives on a warm load exactly what the cold load gave, and writes one entry", async () => {
    const cache = join(dir, "warm");
    const file = join(dir, "sift.yml");
    writeFileSync(file, CONFIG);
    const cold = await loadConfig(file, cache);
    expect(readdirSync(cache)).toHaveLength(1);
    const warm = await loadConfig(file, cache);
    expect(summary(warm)).toEqual(summary(cold));
    expect(summary(cold).problems.map((p) => p.path)).toEqual(["patterns[1].regex", "patterns[3].colour"]);
    expect(summary(cold).ids.slice(0, 2)).toEqual(["repo:ours.flake:0", "repo:ours.multi:multi"]);
    expect(summary(await loadConfig(file, undefined))).toEqual(summary(cold)); // and uncached
  });

  it("misses when the file changes, and ignores a broken entry", async () => {
    const cache = join(dir, "edit");
    const file = join(dir, "edit.yml");
    writeFileSync(file, "patterns: [{ id: a.one, regex: one, class: flaky }]\n");
    await loadConfig(file, cache);
    writeFileSync(file, "patterns: [{ id: a.two, regex: two, class: flaky }]\n");
    expect((await loadConfig(file, cache)).compiled.patterns[0]?.pattern.id).toBe("a.two");
    for (const entry of readdirSync(cache)) writeFileSync(join(cache, entry), "{ not json");
    expect((await loadConfig(file, cache)).compiled.patterns[0]?.pattern.id).toBe("a.two");
    writeFileSync(file, "patterns: [unclosed\n");
    const broken = await loadConfig(file, cache);
    expect(broken.error).toMatch(/^.*edit\.yml:\d+:\d+: /); // where, as the Sift config check says it
    expect((await loadConfig(file, cache)).error).toBe(broken.error); // the parse error is kept with the entry
  });

  it("runs without a cache when the folder cannot be written, or when SIFT_CACHE_DIR is empty", async () => {
    const notADir = join(dir, "a-file");
    writeFileSync(notADir, "");
    const loaded = await loadConfig(undefined, join(notADir, "cache"));
    expect(loaded.compiled.patterns.length).toBeGreaterThan(20);
    expect(configCacheDir({ SIFT_CACHE_DIR: "" })).toBeUndefined();
    expect(configCacheDir({ XDG_CACHE_HOME: "/x" })).toBe("/x/sift");
  });

  it("keeps at most 64 entries", async () => {
    const cache = join(dir, "prune");
    for (let i = 0; i < 70; i++) {
      const file = join(dir, "p.yml");
      writeFileSync(file, `patterns: [{ id: p.n${i}, regex: n${i}, class: flaky }]\n`);
      await loadConfig(file, cache);
    }
    expect(readdirSync(cache).length).toBe(64);
  });

  it("the CLI prints the same verdicts and problems cold and warm", async () => {
    const cacheDir = join(dir, "cli");
    const file = join(dir, "cli.yml");
    writeFileSync(file, CONFIG);
    const logs = [...corpusLogs("genuine").slice(0, 3), ...corpusLogs("infra").slice(0, 3)];
    const cold = await runSift(["classify", "--json", "--config", file, ...logs], { cacheDir });
    const warm = await runSift(["classify", "--json", "--config", file, ...logs], { cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(warm).toEqual(cold);
    expect(cold.code).toBe(1); // the config has problems
    expect(cold.stderr).toContain("patterns[1].regex");
    expect(jsonLines(cold.stdout)).toHaveLength(logs.length);
  });
});
