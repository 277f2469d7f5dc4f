// Builders of short, realistic failing job logs in the raw formats CI systems serve (GitHub Actions
// with ISO timestamps, Jenkins consoleText, Buildkite's agent log, Travis), and the engine run on
// them with the built-in library only, as on a repository without configuration.
import { builtinPatterns } from "../../src/classify/builtins/index.js";
import { classify, compilePatternSet, type Verdict } from "../../src/classify/index.js";
import { normaliseLog } from "../../src/logs/index.js";

const compiled = compilePatternSet(builtinPatterns().map((pattern) => ({ pattern, origin: "builtin" as const })));

export const verdictOf = (text: string): Verdict => classify({ log: normaliseLog(text), compiled });

/** 1-based number of the first line of `log` containing `needle` (0 when none does). */
export const lineOf = (log: string, needle: string): number => log.split("\n").findIndex((l) => l.includes(needle)) + 1;

const stamp = (i: number) => `2025-03-04T09:${String(10 + Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.${String(1000000 + i * 7919).slice(-7)}Z`;

interface GhaOptions {
  /** The step's command line(s) under its group header. */
  command?: string[];
  /** Earlier steps that passed, as full lines (their own groups included). */
  before?: string[];
  /** How the step ended: an exit code line (default 1), or nothing (an action failing with its own ##[error]). */
  exitCode?: number | null;
  cleanup?: string[];
}

/** A GitHub Actions raw job log: set-up, earlier steps, the failing step `name` with `lines`, cleanup. */
export function gha(name: string, lines: string[], options: GhaOptions = {}): string {
  const body = [
    "Current runner version: '2.321.0'",
    "Operating System",
    "  Ubuntu",
    "  24.04.1",
    "Runner Image",
    "  Image: ubuntu-24.04",
    "Prepare workflow directory",
    "Prepare all required actions",
    "Complete job name: build",
    ...(options.before ?? ["##[group]Run actions/checkout@v4", "with:", "  repository: acme/shop", "##[endgroup]", "Syncing repository: acme/shop", "Checking out the ref"]),
    `##[group]Run ${name}`,
    ...(options.command ?? []),
    "##[endgroup]",
    ...lines,
    ...(options.exitCode === null ? [] : [`##[error]Process completed with exit code ${options.exitCode ?? 1}.`]),
    "Post job cleanup.",
    ...(options.cleanup ?? ["[command]/usr/bin/git version", "git version 2.47.1"]),
    "Cleaning up orphan processes",
  ];
  return body.map((l, i) => `${stamp(i)} ${l}`).join("\n") + "\n";
}

/** A GitHub Actions log that failed while setting up the job (before any Run step). */
export function ghaSetup(lines: string[]): string {
  const body = ["Current runner version: '2.321.0'", "Prepare workflow directory", "Prepare all required actions", "Getting action download info", ...lines, "Post job cleanup.", "Cleaning up orphan processes"];
  return body.map((l, i) => `${stamp(i)} ${l}`).join("\n") + "\n";
}

/** A Jenkins consoleText of a freestyle job, optionally with the Timestamper's HH:MM:SS prefix. */
export function jenkins(lines: string[], options: { timestamps?: boolean } = {}): string {
  const body = [
    "Started by GitHub push by octocat",
    "Running as SYSTEM",
    "Building remotely on build-agent-07 (linux docker) in workspace /home/jenkins/workspace/shop-ci",
    "[shop-ci] $ /bin/sh -xe /tmp/jenkins4471223058093710218.sh",
    ...lines,
    "Build step 'Execute shell' marked build as failure",
    "Finished: FAILURE",
  ];
  return body.map((l, i) => (options.timestamps ? `00:19:${String(i % 60).padStart(2, "0")}  ${l}` : l)).join("\n") + "\n";
}

/** A Buildkite agent log: every line stamped with ESC _bk;t=<ms> BEL, CRLF line ends. */
export function buildkite(lines: string[]): string {
  const body = ["~~~ Preparing working directory", "$ cd /var/lib/buildkite-agent/builds/agent-1/acme/shop", "~~~ Running commands", ...lines, "🚨 Error: The command exited with status 1"];
  return body.map((l, i) => `\x1b_bk;t=${1741079400000 + i * 250}\x07${l}`).join("\r\n") + "\r\n";
}

/** A Travis CI job log with its fold markers. */
export function travis(lines: string[]): string {
  const body = ["travis_fold:start:worker_info", "Worker information", "travis_fold:end:worker_info", "$ git clone --depth=50 https://github.com/acme/shop.git acme/shop", ...lines];
  return body.join("\r\n") + "\r\n";
}

/** A GitLab CI job log: its sections (markers end in CR ESC[0K), the script in `step_script`, then after_script lines. */
export function gitlab(lines: string[], options: { afterScript?: string[] } = {}): string {
  const section = (kind: "start" | "end", i: number, name: string) => `section_${kind}:${1741079400 + i}:${name}\r\x1b[0K`;
  const body = [
    "\x1b[0KRunning with gitlab-runner 17.5.0 (4f2cdd0d)\x1b[0;m",
    `${section("start", 0, "prepare_executor")}\x1b[0K\x1b[36;1mPreparing the "docker" executor\x1b[0;m`,
    "Using docker image sha256:4b3c for python:3.12 ...",
    section("end", 1, "prepare_executor"),
    `${section("start", 2, "step_script")}\x1b[0K\x1b[36;1mExecuting "step_script" stage of the job script\x1b[0;m`,
    ...lines,
    section("end", 3, "step_script"),
    ...(options.afterScript
      ? [`${section("start", 4, "after_script")}\x1b[0K\x1b[36;1mRunning after_script\x1b[0;m`, ...options.afterScript, section("end", 5, "after_script")]
      : []),
    `${section("start", 6, "cleanup_file_variables")}\x1b[0K\x1b[36;1mCleaning up project directory and file based variables\x1b[0;m`,
    section("end", 7, "cleanup_file_variables"),
    "\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m",
  ];
  return body.join("\n") + "\n";
}
