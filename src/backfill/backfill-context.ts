// What one repository's backfill round works with.
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import type { SqlSession } from "../db/index.js";
import type { payloads } from "../ingest/index.js";
import type { Timing } from "../schedule/index.js";
import type { ConditionalDeps } from "./conditional-get.js";

export interface BackfillRepository {
  id: number;
  installationId: number;
  owner: string;
  name: string;
  private: boolean;
  defaultBranch: string;
}

export interface BackfillLimits {
  /** Workflow runs listed per repository (one page). */
  runs: number;
  /** Failed runs whose jobs are listed per round (the rest wait for the next round). */
  jobLists: number;
  /** Open pull requests (most recently updated) whose head SHA's check runs and statuses are read. */
  pulls: number;
  /** Only runs updated this recently are compared. */
  windowMs: number;
}

export const DEFAULT_LIMITS: BackfillLimits = { runs: 50, jobLists: 10, pulls: 10, windowMs: 24 * 3600_000 };

export interface BackfillRound extends ConditionalDeps {
  octokit: ProbotOctokit;
  sql: SqlSession;
  repo: BackfillRepository;
  now: Date;
  timing: Timing;
  limits: BackfillLimits;
  log: Logger;
  /** Sift's own App id: its check runs are not jobs. */
  appId: number | undefined;
}

/** The repository as webhook payloads carry it (what the ingest schemas validate). */
export function repositoryRef(repo: BackfillRepository): typeof payloads.repositoryRef._input {
  return { id: repo.id, name: repo.name, owner: { login: repo.owner }, private: repo.private, default_branch: repo.defaultBranch };
}
