// The ingest service the handlers call: payload → rows, idempotent, then tell the scheduler.
import type { Logger } from "pino";
import type { Database } from "../db/index.js";
import type { Metrics } from "../model/index.js";
import type { z } from "zod";
import type { Timing } from "../schedule/index.js";
import { acceptDelivery, deliveryMeta, validate, type Delivery, type Outcome } from "./accept-delivery.js";
import { jobFromCheckRun, jobFromStatus, jobFromWorkflowJob } from "./job-from-payload.js";
import type { JobRecord } from "./job-record.js";
import {
  checkRunPayload,
  checkSuitePayload,
  installationPayload,
  mergeGroupPayload,
  installationRepositoriesPayload,
  pullRequestPayload,
  statusPayload,
  workflowJobPayload,
  workflowRunPayload,
  type InstalledRepo,
  type RepositoryRef,
} from "./schemas.js";
import { storeInstallation, type InstallationChange } from "./store-installation.js";
import { upsertHeadCommit, type HeadCommitInfo } from "./upsert-head-commit.js";
import { storeJobDelivery } from "./store-job-delivery.js";
import { upsertRepository } from "./upsert-repository.js";
import { storeMergeGroup } from "./store-merge-group.js";
import { scheduleRequired } from "../schedule/index.js";

export interface IngestDeps {
  db: Database;
  timing: Timing;
  now: () => Date;
  metrics: Metrics;
  log?: Logger;
  /** SIFT_REQUIRED_CHECK: PR heads get a Sift check run even when nothing fails. */
  requiredCheck?: boolean;
}

export type Ingest = ReturnType<typeof createIngest>;

export function createIngest(deps: IngestDeps) {
  const { sql } = deps.db;

  /** Validate, then one atomic statement: dedupe, rows, scheduling. */
  async function acceptJob<S extends z.ZodType<{ installation: { id: number }; repository: RepositoryRef }>>(
    d: Delivery,
    schema: S,
    toJob: (p: z.infer<S>) => JobRecord,
  ): Promise<Outcome> {
    const p = validate(d, schema);
    if (p === undefined) return "rejected";
    const input = { delivery: deliveryMeta(d), installationId: p.installation.id, repo: p.repository, job: toJob(p), now: deps.now(), timing: deps.timing };
    const { duplicate } = await storeJobDelivery(sql, input);
    if (duplicate) d.log.debug(`delivery ${d.id} already processed`);
    return duplicate ? "duplicate" : "stored";
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

  /** A handler: the delivery validated, stored once (a redelivery is a duplicate), its outcome counted. */
  const accepting =
    <S extends z.ZodType>(schema: S, store: (p: z.infer<S>) => Promise<void>) =>
    (d: Delivery) =>
      counted(d, acceptDelivery(sql, d, schema, store));

  /** An installation's own event and its repositories' event change the same rows. */
  const installationChanged = (p: { action: string; installation: { id: number; account: InstallationChange["account"] } }, added: InstalledRepo[], removed: InstalledRepo[]) =>
    storeInstallation(deps.db.prisma, { installationId: p.installation.id, account: p.installation.account, action: p.action, added, removed });

  return {
    workflowJob: (d: Delivery) => counted(d, acceptJob(d, workflowJobPayload, jobFromWorkflowJob)),
    checkRun: (d: Delivery) => counted(d, acceptJob(d, checkRunPayload, jobFromCheckRun)),
    status: (d: Delivery) => counted(d, acceptJob(d, statusPayload, jobFromStatus)),
    pullRequest: accepting(pullRequestPayload, (p) =>
      storeHeadCommit(p.installation.id, p.repository, {
        sha: p.pull_request.head.sha,
        branch: p.pull_request.head.ref,
        baseBranch: p.pull_request.base.ref,
        baseSha: p.pull_request.base.sha,
        prNumbers: [p.number],
      }).then(() => (deps.requiredCheck ? scheduleRequired(sql, { repositoryId: p.repository.id, sha: p.pull_request.head.sha, now: deps.now() }, deps.timing) : undefined)),
    ),
    mergeGroup: accepting(mergeGroupPayload, (p) => storeMergeGroup(deps, p)),
    workflowRun: accepting(workflowRunPayload, (p) => storeHeadCommit(p.installation.id, p.repository, meta(p.workflow_run.head_sha, p.workflow_run.head_branch, p.workflow_run.pull_requests))),
    checkSuite: accepting(checkSuitePayload, (p) => storeHeadCommit(p.installation.id, p.repository, meta(p.check_suite.head_sha, p.check_suite.head_branch, p.check_suite.pull_requests))),
    installation: accepting(installationPayload, (p) => installationChanged(p, p.action === "created" ? p.repositories : [], [])),
    installationRepositories: accepting(installationRepositoriesPayload, (p) => installationChanged(p, p.repositories_added, p.repositories_removed)),
    /** For handlers that return early: counted, so /metrics shows what Sift skipped. */
    ignored: (event: string) => deps.metrics.webhooks.inc({ event, outcome: "ignored" }),
  };
}
