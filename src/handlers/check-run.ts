// check_run: jobs of CI apps other than GitHub Actions (Buildkite, Azure Pipelines, CircleCI…).
import type { Context } from "probot";
import { makeDueNow } from "../commands/index.js";
import { deliveryOf, hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

const JOB_ACTIONS = new Set(["created", "completed"]);

export function onCheckRun(deps: HandlerDeps) {
  return async (context: Context<"check_run">): Promise<void> => {
    const { payload } = context;
    if (!hasInstallation(payload)) return skip(context, deps, "not sent to an installation");
    const app = payload.check_run.app;
    const own = deps.appId !== undefined && app?.id === deps.appId;
    // "Re-run" on Sift's own check run asks for a fresh analysis of its commit.
    if (own && payload.action === "rerequested" && deps.commands) {
      const at = { repositoryId: payload.repository.id, sha: payload.check_run.head_sha };
      const due = await makeDueNow(deps.commands.prisma, at, deps.commands.now());
      context.log.info(`Sift check run re-requested on ${payload.repository.full_name}@${at.sha.slice(0, 12)}: ${due ? "analysing again" : "nothing known to analyse"}`);
      return;
    }
    if (!JOB_ACTIONS.has(payload.action)) return skip(context, deps, "not a job starting or finishing");
    if (own) return skip(context, deps, "Sift's own check run");
    // Actions sends a check_run for each job too; workflow_job already counts it.
    if (app?.slug === "github-actions") return skip(context, deps, "a GitHub Actions job, counted through workflow_job");
    await deps.ingest.checkRun(deliveryOf(context));
  };
}
