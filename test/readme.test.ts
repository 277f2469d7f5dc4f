// What the README tells an operator, checked against the code it describes: the environment table
// against the variables Sift reads, the metrics table against the registry /metrics serves, the
// `.github/sift.yml` examples against the validator (as the Sift config check would see them), the
// providers file example against its parser, the CLI synopsis against `sift --help`, and app.yml's
// events against the handlers.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../src/config/index.js";
import { parseProvidersFile } from "../src/providers/credentials.js";
import { createMetrics } from "../src/web/metrics/metrics.js";
import { runSift } from "./cli/run-sift.js";

const ROOT = resolve(import.meta.dirname, "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const section = (heading: string) => {
  const start = README.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const next = README.slice(start + heading.length + 2).search(/\n#{1,3} /);
  return README.slice(start, next < 0 ? undefined : start + heading.length + 2 + next);
};
/** First-column names of a markdown table: "| `A`, `B` | …" → A, B. */
const tableNames = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .flatMap((l) => [...(l.split("|")[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] as string));
const yamlBlocks = (text: string) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("generated"))
    .map((e) => readFileSync(join(e.parentPath, e.name), "utf8"));
}

describe("README", () => {
  it("documents every environment variable Sift reads, and documents none it does not", () => {
    const code = sources(join(ROOT, "src")).join("\n");
    const read = new Set([...code.matchAll(/\benv(?:\.|\[")([A-Z][A-Z0-9_]+)|\((?:env|e), "([A-Z][A-Z0-9_]+)"/g)].map((m) => (m[1] ?? m[2]) as string));
    expect(read.size).toBeGreaterThan(30);
    // `NAME`, `NAME=value` or `$NAME/path`
    const documented = [...README.matchAll(/`\$?([A-Z][A-Z0-9_]+)(?:[=/][^`]*)?`/g)].map((m) => m[1] as string);
    expect([...read].filter((name) => !documented.includes(name)).sort()).toEqual([]);
    const table = tableNames(section("## Configuration")).flatMap((n) => n.split(" / "));
    const providerVars = /^SIFT_<PROVIDER>_(TOKEN|URL|USER)$|^_(URL|USER)$/;
    expect(table.filter((name) => !read.has(name) && !providerVars.test(name)).sort()).toEqual([]);
  });

  it("lists every metric /metrics exports, and none it does not", async () => {
    const metrics = createMetrics();
    const exported = (await metrics.registry.getMetricsAsJSON()).map((m) => m.name);
    const own = exported.filter((n) => !/^sift_(process|nodejs)_/.test(n));
    const listed = tableNames(section("### Metrics and Grafana"));
    expect(listed.filter((n) => !n.endsWith("*")).sort()).toEqual([...own].sort());
    expect(listed).toEqual(expect.arrayContaining(["sift_process_*", "sift_nodejs_*"]));
    expect(exported.some((n) => n.startsWith("sift_process_")) && exported.some((n) => n.startsWith("sift_nodejs_"))).toBe(true);
  });

  it("shows .github/sift.yml examples the Sift config check passes, and a providers file its parser takes", () => {
    const blocks = yamlBlocks(README);
    const siftFiles = blocks.filter((b) => !/^circleci:/m.test(b));
    expect(siftFiles.length).toBeGreaterThanOrEqual(2);
    for (const text of siftFiles) expect(parseConfigText(text, "README.md").problems).toEqual([]);
    const providers = blocks.find((b) => /^circleci:/m.test(b));
    expect(() => parseProvidersFile(providers as string, "README.md")).not.toThrow();
  });

  it("registers the App (app.yml) for every event Sift handles, and for none it ignores", () => {
    const appYml = readFileSync(join(ROOT, "app.yml"), "utf8");
    const subscribed = [...(/^default_events:\n((?:\s+- .*\n)+)/m.exec(appYml)?.[1] ?? "").matchAll(/- (\w+)/g)].map((m) => m[1]);
    const handled = [...readFileSync(join(ROOT, "src/handlers/index.ts"), "utf8").matchAll(/app\.on\("(\w+)"/g)].map((m) => m[1] as string);
    expect(handled.length).toBeGreaterThan(10);
    // installation events reach every App whatever it subscribes to
    expect([...subscribed].sort()).toEqual(handled.filter((e) => !e.startsWith("installation")).sort());
  });

  it("shows the sift CLI with exactly the options `sift --help` lists", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sift-readme-"));
    try {
      const help = await runSift(["--help"], { cacheDir: dir });
      const optionsOf = (text: string) => new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]));
      const synopsis = [...README.matchAll(/npx sift (?:classify|backtest)[^\n]*/g)].map((m) => m[0]).join("\n");
      const helped = [...optionsOf(help.stdout)].filter((o) => o !== "--help");
      expect([...optionsOf(synopsis)].sort()).toEqual(helped.sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
