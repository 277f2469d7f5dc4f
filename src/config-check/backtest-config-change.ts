// The backtest of a valid `.github/sift.yml` change: the pull request's effective pattern set (read
// at its head SHA through the config plugin, so org defaults and `_extends` count as they will)
// against the set in force (the default branch's), over the stored failures of the window. For the
// org's file (the `.github` repository) every repository of the owner with stored failures is
// backtested with the new org layer under its own file. A few GitHub reads per repository, none per
// stored failure; one deadline for all.
import type { ProbotOctokit } from "probot";
import type { PrismaClient } from "../generated/prisma/client.js";
import { diffPatternSets, runBacktest, type BacktestResult, type PatternChange } from "../backtest/index.js";
import { configFromFiles, configPath, type LoadedConfig } from "../config/index.js";

export interface ConfigBacktestDeps {
  prisma: PrismaClient;
  now: () => Date;
  /** Wall time for the whole backtest (default 60 s). */
  maxMs?: number;
  clock?: () => number;
  /** Stored failures read per query. */
  pageSize?: number;
}

export interface ConfigBacktest {
  days: number;
  /** Repositories backtested (one for a repository's file). */
  repos: string[];
  /** Repositories with their own file that does not extend the org's: the org change does not reach them. */
  unaffected: string[];
  patterns: Map<string, PatternChange>;
  result: BacktestResult;
}

type Files = Awaited<ReturnType<ProbotOctokit["config"]["get"]>>["files"];
const ORG_REPO = ".github";
const MAX_REPOS = 200;

export async function backtestConfigChange(octokit: ProbotOctokit, pr: { owner: string; repo: string; headSha: string }, deps: ConfigBacktestDeps): Promise<ConfigBacktest> {
  const clock = deps.clock ?? (() => performance.now());
  const deadline = clock() + (deps.maxMs ?? 60_000);
  const filesAt = async (repo: string, branch?: string): Promise<Files> =>
    (await octokit.config.get({ owner: pr.owner, repo, path: configPath, ...(branch ? { branch } : {}) })).files;
  const headFiles = await filesAt(pr.repo, pr.headSha);
  const head = configFromFiles(headFiles, pr.owner, pr.repo);
  const days = head.settings.backtest.days;
  const since = new Date(deps.now().getTime() - days * 24 * 3600 * 1000);
  const out: ConfigBacktest = { days, repos: [], unaffected: [], patterns: new Map(), result: emptyResult(since) };

  const one = async (repo: string, before: LoadedConfig, after: LoadedConfig) => {
    const diff = diffPatternSets(before.compiled.sourced, after.compiled.sourced);
    for (const [id, how] of diff.byId) out.patterns.set(id, how);
    const watch = new Set([...diff.byId].filter(([, how]) => how !== "removed").map(([id]) => id));
    const r = await runBacktest(deps.prisma, after.compiled, { since, repo: { owner: pr.owner, name: repo }, baseline: before.compiled, watch, deadline, now: clock, ...(deps.pageSize ? { pageSize: deps.pageSize } : {}) });
    out.repos.push(`${pr.owner}/${repo}`);
    merge(out.result, r, out.repos.length === 1);
  };

  if (pr.repo !== ORG_REPO) {
    await one(pr.repo, configFromFiles(await filesAt(pr.repo), pr.owner, pr.repo), head);
    return out;
  }
  const orgHead = headFiles.find(isOrgFile(pr.owner))?.config ?? null;
  for (const repo of await reposWithFailures(deps.prisma, pr.owner, since)) {
    if (clock() > deadline) {
      out.result.cut = true;
      break;
    }
    const files = await filesAt(repo);
    if (repo !== ORG_REPO && !files.some(isOrgFile(pr.owner))) {
      out.unaffected.push(`${pr.owner}/${repo}`);
      continue;
    }
    const next = files.map((f) => (isOrgFile(pr.owner)(f) ? { ...f, config: orgHead } : f));
    await one(repo, configFromFiles(files, pr.owner, repo), configFromFiles(next, pr.owner, repo));
  }
  return out;
}

const isOrgFile = (owner: string) => (f: { owner: string; repo: string; path: string }) =>
  f.owner.toLowerCase() === owner.toLowerCase() && f.repo === ORG_REPO && f.path === configPath;

async function reposWithFailures(prisma: PrismaClient, owner: string, since: Date): Promise<string[]> {
  const rows = await prisma.repository.findMany({ where: { owner }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const stored = await prisma.failureText.findMany({
    where: { repositoryId: { in: rows.map((r) => r.id) }, createdAt: { gte: since } },
    distinct: ["repositoryId"],
    select: { repositoryId: true },
  });
  const ids = new Set(stored.map((s) => s.repositoryId));
  return rows.filter((r) => ids.has(r.id)).slice(0, MAX_REPOS).map((r) => r.name);
}

function emptyResult(since: Date): BacktestResult {
  return { since, examined: 0, declared: 0, cut: false, changes: [], unmatched: [], observed: [], contradictions: [] };
}

/** Adds one repository's result; a pattern is unmatched only when no repository's failure matched it. */
function merge(into: BacktestResult, r: BacktestResult, first: boolean): void {
  into.examined += r.examined;
  into.declared += r.declared;
  into.cut ||= r.cut;
  into.changes.push(...r.changes);
  into.contradictions.push(...r.contradictions);
  for (const o of r.observed) {
    const seen = into.observed.find((x) => x.patternId === o.patternId);
    if (!seen) into.observed.push({ ...o });
    else {
      seen.hits += o.hits;
      seen.genuine += o.genuine;
    }
  }
  into.unmatched = first ? r.unmatched : into.unmatched.filter((id) => r.unmatched.includes(id));
}
