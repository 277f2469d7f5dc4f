// The `Sift config` check of a pull request: when it changes `.github/sift.yml` (a repository's,
// or the org defaults in the org's `.github` repository), the file at the head SHA is validated
// and the result is written on that SHA, every problem annotated on its line.
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import { configFromFiles, configPath, locateProblems, parseConfigText, type ConfigProblem } from "../config/index.js";
import { inline } from "../report/markdown.js";
import { changedConfig } from "./changed-config.js";
import { readFileAt } from "./read-file-at.js";
import { renderConfigCheck, type BacktestPart } from "./render-config-check.js";
import { writeConfigCheck } from "./write-config-check.js";

export interface ConfigCheckDeps {
  log: Logger;
  /** Lines of the repository's stored failures, to find patterns that match most of them. */
  sample?: (repositoryId: number) => Promise<string[]>;
  /** The backtest of a valid change over the stored failures (config-check/run-config-backtest.ts); none when absent. */
  backtest?: (octokit: ProbotOctokit, pr: PullRequestRef) => Promise<BacktestPart>;
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  repositoryId: number;
  number: number;
  headSha: string;
}

export type ConfigCheckResult = { written: false; reason: string } | { written: true; checkRunId: number; conclusion: "success" | "neutral" | "failure" };

export async function checkConfigChange(octokit: ProbotOctokit, pr: PullRequestRef, deps: ConfigCheckDeps): Promise<ConfigCheckResult> {
  // 1. did the pull request touch the file?
  let change: Awaited<ReturnType<typeof changedConfig>>;
  try {
    change = await changedConfig(octokit, pr);
  } catch (err) {
    deps.log.warn({ err }, `${pr.owner}/${pr.repo}#${pr.number}: listing the pull request's files failed; no Sift config check`);
    return { written: false, reason: `its files could not be listed (${(err as Error).message.split("\n")[0]})` };
  }
  if (change.status === "unchanged") {
    return { written: false, reason: `${configPath} not among its ${change.listed} files${change.cut ? " (listing cut)" : ""}` };
  }

  // 2. the file at the head SHA → every problem, located
  let problems: ConfigProblem[] = [];
  const notes: string[] = [];
  if (change.status === "misnamed") {
    const problem = { file: change.filename, path: "", line: 1, column: 1, message: `Sift reads ${configPath} only: this file is ignored; rename it to ${configPath}` };
    const rendered = renderConfigCheck(change.filename, [problem]);
    const checkRunId = await writeConfigCheck(octokit, pr, rendered);
    deps.log.info(`${pr.owner}/${pr.repo}#${pr.number}: ${change.filename} is not ${configPath} (Sift config failure)`);
    return { written: true, checkRunId, conclusion: rendered.conclusion };
  }
  if (change.status === "removed") {
    notes.push(`${configPath} is removed: the organisation's defaults and Sift's built-in patterns apply.`);
  } else {
    try {
      const text = await readFileAt(octokit, { owner: pr.owner, repo: pr.repo, path: configPath, ref: pr.headSha });
      const sample = deps.sample ? await deps.sample(pr.repositoryId).catch(() => []) : [];
      const parsed = parseConfigText(text, `${pr.owner}/${pr.repo}/${configPath}`, { sample });
      problems = parsed.problems;
      if (parsed.extends && problems.length === 0) problems = locateProblems(text, await extendsProblems(octokit, pr));
    } catch (err) {
      // Fail closed: a file Sift cannot read at the head SHA is not called valid.
      problems = [{ file: configPath, path: "", message: `could not be read at ${pr.headSha.slice(0, 12)}: ${(err as Error).message.split("\n")[0]}` }];
    }
  }

  // 3. a valid change: what it would do to the stored failures
  const backtest = problems.length === 0 && deps.backtest ? await backtestSafely(deps, octokit, pr) : undefined;

  // 4. the check run on the head SHA
  const rendered = renderConfigCheck(configPath, problems, notes, backtest);
  const checkRunId = await writeConfigCheck(octokit, pr, rendered);
  deps.log.info(`${pr.owner}/${pr.repo}#${pr.number}: ${rendered.title} (Sift config ${rendered.conclusion})`);
  return { written: true, checkRunId, conclusion: rendered.conclusion };
}

/** The files `_extends` leads to, read at the head SHA as the app will read them: one missing or unreadable is a problem of the `_extends` line. */
async function extendsProblems(octokit: ProbotOctokit, pr: PullRequestRef): Promise<ConfigProblem[]> {
  const file = `${pr.owner}/${pr.repo}/${configPath}`;
  try {
    const { files } = await octokit.config.get({ owner: pr.owner, repo: pr.repo, path: configPath, branch: pr.headSha });
    return configFromFiles(files, pr.owner, pr.repo).problems.filter((p) => p.path === "_extends" && p.file === file);
  } catch (err) {
    const reason = (err as Error).message.split("\n")[0]?.replace("[@probot/octokit-plugin-config] ", "");
    return [{ file, path: "_extends", message: `the files it extends could not be read (${reason}); no pattern would apply` }];
  }
}

/** A backtest that fails is said so, and the check is neutral: a valid file, unknown effect. */
async function backtestSafely(deps: ConfigCheckDeps, octokit: ProbotOctokit, pr: PullRequestRef): Promise<BacktestPart> {
  try {
    return await (deps.backtest as NonNullable<ConfigCheckDeps["backtest"]>)(octokit, pr);
  } catch (err) {
    deps.log.warn({ err }, `${pr.owner}/${pr.repo}#${pr.number}: the backtest failed`);
    return { conclusion: "neutral", title: "backtest failed", markdown: `### Backtest\n\nThe backtest could not run: ${inline((err as Error).message.split("\n")[0] ?? "", 300)}` };
  }
}
