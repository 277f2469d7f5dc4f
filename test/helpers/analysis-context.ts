// The context of one analysis of the seeded repository (helpers/seed-jobs.ts): GitHub through the
// test Octokit (strict nock), no configuration files, a captured logger and a fixed clock.
import { configFromFiles } from "../../src/config/index.js";
import type { AnalysisContext } from "../../src/model/index.js";
import { testOctokit } from "./github-nock.js";
import { captureLogger } from "./probot.js";
import { SEED } from "./seed-jobs.js";

export function seededAnalysisContext(sha: string, now: Date): AnalysisContext {
  return {
    octokit: testOctokit(),
    repo: { id: String(SEED.repositoryId), owner: SEED.owner, name: SEED.repo, private: false, installationId: SEED.installationId },
    sha,
    log: captureLogger().log,
    now: () => now,
    config: configFromFiles([], SEED.owner, SEED.repo),
  };
}
