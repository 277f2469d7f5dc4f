// Checked configs, kept between runs of `sift classify`: YAML, zod and one RE2 compile per
// pattern cost more than classifying a typical log. An entry is keyed by the config file's path
// (problems name it) and bytes, and by the code that checks and merges configs (size and time of
// every file of the folders it lies in, built-in library included): an edited config or a new build misses.
// The cache is an optimisation only: any error reading or writing it is ignored.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourcedPattern } from "../config/merge.js";
import type { SiftConfig } from "../config/schema.js";
import type { ConfigProblem } from "../config/validate.js";

/** What loading a config decided: the patterns that compile, every problem, the settings. */
export interface CheckedConfig {
  patterns: SourcedPattern[];
  problems: ConfigProblem[];
  settings: SiftConfig;
  hash: string;
  /** Set when the file could not be parsed (the defaults applied). */
  error?: string;
  /** What the offline run leaves out (an `_extends` it cannot follow). */
  notes?: string[];
}

const FORMAT = "sift-cli-config-v2";
/** Entries kept; the oldest go first. */
const MAX_ENTRIES = 64;

/** `SIFT_CACHE_DIR` (empty: no cache), else `$XDG_CACHE_HOME/sift`, else `~/.cache/sift`. */
export function configCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SIFT_CACHE_DIR !== undefined) return env.SIFT_CACHE_DIR === "" ? undefined : env.SIFT_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "sift");
}

/**
 * The folders of src/ whose code decides a checked config: everything check-config.ts imports lies
 * in one of them (the schema is in model/, glob checks in decide/), so a new build of any misses.
 */
export const STAMPED_FOLDERS = ["cli", "config", "classify", "model", "decide", "logs"] as const;

/** Name, size and modification time of every module of those folders (stat is cheaper than reading them). */
function codeStamp(): string {
  const parts: string[] = [];
  for (const folder of STAMPED_FOLDERS.map((f) => `../${f}/`)) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
    for (const f of files) {
      const st = statSync(join(dir, f));
      parts.push(`${folder}${f} ${st.size} ${st.mtimeMs}`);
    }
  }
  return parts.join("\n");
}

export function configCacheKey(path: string | undefined, text: string | undefined): string {
  return createHash("sha256")
    .update(`${FORMAT}\0${codeStamp()}\0${path ?? ""}\0`)
    .update(text === undefined ? "\0(no config)" : `\x01${text}`)
    .digest("hex")
    .slice(0, 32);
}

export function readCachedConfig(dir: string | undefined, key: string): CheckedConfig | undefined {
  if (dir === undefined) return undefined;
  try {
    const entry = JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) as { key?: string; config?: CheckedConfig };
    return entry.key === key ? entry.config : undefined;
  } catch {
    return undefined;
  }
}

function prune(dir: string): void {
  const entries = readdirSync(dir).filter((f) => f.endsWith(".json"));
  if (entries.length <= MAX_ENTRIES) return;
  const aged = entries.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { f } of aged.slice(0, entries.length - MAX_ENTRIES)) rmSync(join(dir, f), { force: true });
}

export function writeCachedConfig(dir: string | undefined, key: string, config: CheckedConfig): void {
  if (dir === undefined) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify({ key, config }));
    renameSync(tmp, join(dir, `${key}.json`)); // atomic: a concurrent run reads a whole entry or none
    prune(dir);
  } catch {
    // read-only home, full disk…: run uncached
  }
}
