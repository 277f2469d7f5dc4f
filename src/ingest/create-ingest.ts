// The ingest service the handlers call: payload → rows, idempotent, then tell the scheduler.
import type { Logger } from "pino";
import type { Database } from "../db/index.js";
import type { Metrics } from "../web/metrics.js";
import { scheduleFailure, scheduleRefresh, type Timing } from "../schedule/index.js";
import { acceptDelivery, type Delivery, type Outcome } from "./accept-delivery.js";
import { jobFromCheckRun, jobFromStatus, jobFromWorkflowJob } from "./job-from-payload.js";
import { isFailure, type JobRecord } from "./job-record.js";
import {
  checkRunPayload,
  checkSuitePayload,
  installationPayload,
  installationRepositoriesPayload,
  pullRequestPayload,
  statusPayload,
  workflowJobPayload,
  workflowRunPayload,
  type RepositoryRef,
} from "./schemas.js";
import { storeInstallation } from "./store-installation.js";
import { upsertHeadCommit, type HeadCommitInfo } from "./upsert-head-commit.js";
import { upsertJob } from "./upsert-job.js";
import { upsertRepository } from "./upsert-repository.js";

export interface IngestDeps {
  db: Database;
  timing: Timing;
  now: () => Date;
  metrics: Metrics;
  log?: Logger;
}

export type Ingest = ReturnType<typeof createIngest>;

export function createIngest(deps: IngestDeps) {
  const { sql } = deps.db;

  async function storeJob(installationId: number, repo: RepositoryRef, job: JobRecord): Promise<void> {
    const now = deps.now();
    await upsertRepository(sql, installationId, repo, now);
    const { changed } = await upsertJob(sql, repo.id, job, now);
    if (!changed || job.status !== "completed") return;
    const at = { repositoryId: repo.id, sha: job.headSha, branch: job.headBranch, now };
    if (isFailure(job.conclusion)) await scheduleFailure(sql, at, deps.timing);
    else await scheduleRefresh(sql, at, deps.timing);
  }

  async function storeHeadCommit(installationId: number, repo: RepositoryRef, info: HeadCommitInfo): Promise<void> {
    const now = deps.now();
    await upsertRepository(sql, installationId, repo, now);
    await upsertHeadCommit(sql, repo.id, info, now);
  }

  const counted = async (d: Delivery, run: Promise<Outcome>): Promise<Outcome> => {
    const outcome = await run;
    deps.metrics.webhooks.inc({ event: d.event, outcome });
    return outcome;
  };

  const meta = (sha: string, branch: string | null | undefined, prs: { number: number }[]): HeadCommitInfo => ({
    sha,
    branch: branch ?? null,
    baseBranch: null,
    baseSha: null,
    prNumbers: prs.map((p) => p.number),
  });

  return {
    workflowJob: (d: Delivery) =>
      counted(d, acceptDelivery(sql, d, workflowJobPayload, (p) => storeJob(p.installation.id, p.repository, jobFromWorkflowJob(p)))),
    checkRun: (d: Delivery) =>
      counted(d, acceptDelivery(sql, d, checkRunPayload, (p) => storeJob(p.installation.id, p.repository, jobFromCheckRun(p)))),
    status: (d: Delivery) =>
      counted(d, acceptDelivery(sql, d, statusPayload, (p) => storeJob(p.installation.id, p.repository, jobFromStatus(p)))),
    pullRequest: (d: Delivery) =>
      counted(
        d,
        acceptDelivery(sql, d, pullRequestPayload, (p) =>
          storeHeadCommit(p.installation.id, p.repository, {
            sha: p.pull_request.head.sha,
            branch: p.pull_request.head.ref,
            baseBranch: p.pull_request.base.ref,
            baseSha: p.pull_request.base.sha,
            prNumbers: [p.number],
          }),
        ),
      ),
    workflowRun: (d: Delivery) =>
      counted(
        d,
        acceptDelivery(sql, d, workflowRunPayload, (p) =>
          storeHeadCommit(p.installation.id, p.repository, meta(p.workflow_run.head_sha, p.workflow_run.head_branch, p.workflow_run.pull_requests)),
        ),
      ),
    checkSuite: (d: Delivery) =>
      counted(
        d,
        acceptDelivery(sql, d, checkSuitePayload, (p) =>
          storeHeadCommit(p.installation.id, p.repository, meta(p.check_suite.head_sha, p.check_suite.head_branch, p.check_suite.pull_requests)),
        ),
      ),
    installation: (d: Delivery) =>
      counted(
        d,
        acceptDelivery(sql, d, installationPayload, (p) =>
          storeInstallation(deps.db.prisma, {
            installationId: p.installation.id,
            account: p.installation.account,
            action: p.action,
            added: p.action === "created" ? p.repositories : [],
            removed: [],
          }),
        ),
      ),
    installationRepositories: (d: Delivery) =>
      counted(
        d,
        acceptDelivery(sql, d, installationRepositoriesPayload, (p) =>
          storeInstallation(deps.db.prisma, {
            installationId: p.installation.id,
            account: p.installation.account,
            action: p.action,
            added: p.repositories_added,
            removed: p.repositories_removed,
          }),
        ),
      ),
    /** For handlers that return early: counted, so /metrics shows what Sift skipped. */
    ignored: (event: string) => deps.metrics.webhooks.inc({ event, outcome: "ignored" }),
  };
}
