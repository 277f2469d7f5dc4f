// Builders of WHOLE job logs as CI systems serve them, with the noise real logs carry around the
// failure: the runner's set-up groups, actions/checkout's git chatter, a tool set-up with its cache
// restore, ANSI colour, `set -x` traces, earlier passing steps, and post-job cleanup that saves a
// cache. The failing step's own lines (and the tool's epilogue after the error) come from each case.
// `recallSuite` checks each: not genuine, the cause, and the line quoted.
import { describe, expect, it } from "vitest";
import { lineOf, verdictOf } from "./held-out-logs.js";

const ESC = "\x1b";

const stamp = (i: number) => `2025-06-11T14:${String(20 + Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.${String(1000000 + i * 104729).slice(-7)}Z`;

const SET_UP = [
  "Requested labels: ubuntu-latest",
  "Job defined at: acme/shop/.github/workflows/ci.yml@refs/pull/481/merge",
  "Waiting for a runner to pick up this job...",
  "Job is about to start running on the hosted runner: GitHub Actions 1000002117 (hosted)",
  "Current runner version: '2.325.0'",
  "##[group]Operating System",
  "Ubuntu",
  "24.04.2",
  "LTS",
  "##[endgroup]",
  "##[group]Runner Image",
  "Image: ubuntu-24.04",
  "Version: 20250602.3.0",
  "Included Software: https://github.com/actions/runner-images/blob/ubuntu24/20250602.3/images/ubuntu/Ubuntu2404-Readme.md",
  "##[endgroup]",
  "##[group]GITHUB_TOKEN Permissions",
  "Contents: read",
  "Metadata: read",
  "##[endgroup]",
  "Secret source: Actions",
  "Prepare workflow directory",
  "Prepare all required actions",
  "Getting action download info",
  "Download action repository 'actions/checkout@v4' (SHA:11bd71901bbe5b1630ceea73d27597364c9af683)",
  "Download action repository 'actions/cache@v4' (SHA:5a3ec84eff668545956fd18022155c47e93e2684)",
  "Complete job name: test",
];

const CHECKOUT = [
  "##[group]Run actions/checkout@v4",
  "with:",
  "  repository: acme/shop",
  "  token: ***",
  "  ssh-strict: true",
  "  fetch-depth: 1",
  "##[endgroup]",
  "Syncing repository: acme/shop",
  "##[group]Getting Git version info",
  "Working directory is '/home/runner/work/shop/shop'",
  "[command]/usr/bin/git version",
  "git version 2.49.0",
  "##[endgroup]",
  "Temporarily overriding HOME='/home/runner/work/_temp/4b1e0c39' before making global git config changes",
  "[command]/usr/bin/git config --global --add safe.directory /home/runner/work/shop/shop",
  "##[group]Fetching the repository",
  "[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +5f1c0e9d3b2a41f7c6e8d9a0b1c2d3e4f5a6b7c8:refs/remotes/pull/481/merge",
  "From https://github.com/acme/shop",
  " * [new ref]         5f1c0e9d3b2a41f7c6e8d9a0b1c2d3e4f5a6b7c8 -> pull/481/merge",
  "##[endgroup]",
  "##[group]Checking out the ref",
  "[command]/usr/bin/git checkout --progress --force refs/remotes/pull/481/merge",
  "HEAD is now at 5f1c0e9 Merge 2a7d into 9c4e",
  "##[endgroup]",
  "[command]/usr/bin/git log -1 --format=%H",
  "5f1c0e9d3b2a41f7c6e8d9a0b1c2d3e4f5a6b7c8",
];

const CACHE_RESTORE = [
  "##[group]Run actions/cache@v4",
  "with:",
  "  path: ~/.cache",
  "  key: Linux-deps-8f14e45fceea167a5a36dedd4bea2543",
  "##[endgroup]",
  "Received 33554432 of 127905792 (26.2%), 31.9 MBs/sec",
  "Received 127905792 of 127905792 (100.0%), 60.4 MBs/sec",
  "Cache Size: ~122 MB (127905792 B)",
  "[command]/usr/bin/tar -xf /home/runner/work/_temp/9a7e/cache.tzst -P -C /home/runner/work/shop/shop --use-compress-program unzstd",
  "Cache restored successfully",
  "Cache restored from key: Linux-deps-8f14e45fceea167a5a36dedd4bea2543",
];

const CLEANUP = [
  "Post job cleanup.",
  "Cache hit occurred on the primary key Linux-deps-8f14e45fceea167a5a36dedd4bea2543, not saving cache.",
  "Post job cleanup.",
  "[command]/usr/bin/git version",
  "git version 2.49.0",
  "Temporarily overriding HOME='/home/runner/work/_temp/71d0' before making global git config changes",
  "[command]/usr/bin/git config --local --name-only --get-regexp core\\.sshCommand",
  "[command]/usr/bin/git submodule foreach --recursive sh -c \"git config --local --name-only --get-regexp 'core\\.sshCommand' && git config --local --unset-all 'core.sshCommand' || :\"",
  "Cleaning up orphan processes",
];

export interface WholeGhaOptions {
  /** The failing step's script lines, echoed in colour under its group header as the runner does. */
  script?: string[];
  /** Steps that passed before the failing one (after checkout and the cache restore). */
  before?: string[];
  /** How the step ended: an exit code line (default 1), or nothing (an action failing with its own ##[error]). */
  exitCode?: number | null;
  /** Lines standing in place of the usual checkout (a failure inside checkout itself). */
  checkout?: string[];
}

/** A whole GitHub Actions raw job log around the failing step `name`. */
export function wholeGha(name: string, lines: string[], options: WholeGhaOptions = {}): string {
  const script = options.script ?? [name];
  const body = [
    ...SET_UP,
    ...(options.checkout ?? [...CHECKOUT, ...CACHE_RESTORE]),
    ...(options.before ?? []),
    `##[group]Run ${name}`,
    ...script.map((l) => `${ESC}[36;1m${l}${ESC}[0m`),
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  CI: true",
    "  FORCE_COLOR: 1",
    "##[endgroup]",
    ...lines,
    ...(options.exitCode === null ? [] : [`##[error]Process completed with exit code ${options.exitCode ?? 1}.`]),
    ...CLEANUP,
  ];
  return body.map((l, i) => `${stamp(i)} ${l}`).join("\n") + "\n";
}

/** A passing step, to stand before the failing one. */
export function passedStep(name: string, lines: string[]): string[] {
  return [`##[group]Run ${name}`, `${ESC}[36;1m${name}${ESC}[0m`, "shell: /usr/bin/bash -e {0}", "##[endgroup]", ...lines];
}

/** A whole log of a job that failed while the runner set up its service containers. */
export function wholeGhaServices(lines: string[]): string {
  const body = [
    ...SET_UP,
    "##[group]Checking docker version",
    "##[command]/usr/bin/docker version --format '{{.Server.APIVersion}}'",
    "'1.48'",
    "Docker daemon API version: '1.48'",
    "##[endgroup]",
    "##[group]Clean up resources from previous jobs",
    "##[command]/usr/bin/docker ps --all --quiet --no-trunc --filter \"label=a81c3d\"",
    "##[endgroup]",
    "##[group]Create local container network",
    "##[command]/usr/bin/docker network create --label a81c3d github_network_0c7e5f",
    "1f4e9a0c7b2d",
    "##[endgroup]",
    ...lines,
    "Post job cleanup.",
    "##[command]/usr/bin/docker network rm github_network_0c7e5f",
    "Cleaning up orphan processes",
  ];
  return body.map((l, i) => `${stamp(i)} ${l}`).join("\n") + "\n";
}

/** A Jenkins Pipeline consoleText: stages, `sh` steps with `+` traces, then the pipeline's epilogue. */
export function jenkinsPipeline(lines: string[], options: { exitCode?: number } = {}): string {
  return [
    "Started by user Ada Lovelace",
    "Obtained Jenkinsfile from git https://github.com/acme/shop.git",
    "[Pipeline] Start of Pipeline",
    "[Pipeline] node",
    "Running on build-agent-12 in /home/jenkins/workspace/shop_PR-481",
    "[Pipeline] {",
    "[Pipeline] stage",
    "[Pipeline] { (Checkout)",
    "[Pipeline] checkout",
    "The recommended git tool is: NONE",
    "using credential github-app",
    " > git rev-parse --resolve-git-dir /home/jenkins/workspace/shop_PR-481/.git # timeout=10",
    "Fetching changes from the remote Git repository",
    " > git fetch --no-tags --force --progress -- https://github.com/acme/shop.git +refs/pull/481/head:refs/remotes/origin/PR-481 # timeout=10",
    "Checking out Revision 5f1c0e9d3b2a41f7c6e8d9a0b1c2d3e4f5a6b7c8 (PR-481)",
    "[Pipeline] }",
    "[Pipeline] // stage",
    "[Pipeline] stage",
    "[Pipeline] { (Build)",
    "[Pipeline] sh",
    ...lines,
    "[Pipeline] }",
    "[Pipeline] // stage",
    "[Pipeline] }",
    "[Pipeline] // node",
    "[Pipeline] End of Pipeline",
    `ERROR: script returned exit code ${options.exitCode ?? 1}`,
    "Finished: FAILURE",
  ].join("\n") + "\n";
}

/** A CircleCI step's output as its API serves it: the shell line, the output, the exit line. */
export function circleci(lines: string[], options: { exit?: string } = {}): string {
  return ["#!/bin/bash -eo pipefail", ...lines, "", options.exit ?? "Exited with code exit status 1", ""].join("\n");
}

// Tools' epilogues after the error that ended the step: relays, never the cause.
export const npmNetworkEpilogue = [
  "npm error network This is a problem related to network connectivity.",
  "npm error network In most cases you are behind a proxy or have bad network settings.",
  "npm error network",
  "npm error network If you are behind a proxy, please make sure that the",
  "npm error network 'proxy' config is set properly.  See: 'npm help config'",
  "npm error A complete log of this run can be found in: /home/runner/.npm/_logs/2025-06-11T14_21_07_118Z-debug-0.log",
];

export const gradleEpilogue = ["", "* Try:", "> Run with --stacktrace option to get the stack trace.", "> Run with --info or --debug option to get more log output.", "> Run with --scan to get full insights.", "> Get more help at https://help.gradle.org.", "", "BUILD FAILED in 1m 12s"];

export const mavenEpilogue = [
  "[ERROR] ",
  "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
  "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
  "[ERROR] ",
  "[ERROR] For more information about the errors and possible solutions, please read the following articles:",
  "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/DependencyResolutionException",
];

export const buildxEpilogue = (cmd: string) => [`ERROR: failed to solve: process "/bin/sh -c ${cmd}" did not complete successfully: exit code: 1`];

export interface RecallCase {
  name: string;
  log: string;
  pattern: string | RegExp;
  /** Text of the line the verdict must quote. */
  quote: string;
  /** The quote is the last line holding that text (a retry announced the same error before). */
  last?: boolean;
}

/** 1-based number of the last line of `log` containing `needle`. */
const lastLineOf = (log: string, needle: string): number => log.split("\n").findLastIndex((l) => l.includes(needle)) + 1;

/** Each case must be flaky or known, name its cause and quote its line. */
export function recallSuite(title: string, cases: readonly RecallCase[]): void {
  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const v = verdictOf(c.log);
      expect(v.class, `${v.patternId}: ${v.reason}`).not.toBe("genuine");
      if (typeof c.pattern === "string") expect(v.patternId, v.reason).toBe(c.pattern);
      else expect(v.patternId, v.reason).toMatch(c.pattern);
      const text = c.log.replace(/\r\n/g, "\n");
      expect(v.line, v.matchedText).toBe(c.last ? lastLineOf(text, c.quote) : lineOf(text, c.quote));
    });
  });
}
