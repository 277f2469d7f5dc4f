// The adapter that writes the `Sift config` check run: created completed on the head SHA with the
// first 50 annotations; later batches of 50 go in updates that resend title and summary.
import type { ProbotOctokit } from "probot";
import { CONFIG_CHECK_NAME, type RenderedConfigCheck } from "./render-config-check.js";

const PER_REQUEST = 50;

export async function writeConfigCheck(
  octokit: ProbotOctokit,
  at: { owner: string; repo: string; headSha: string; detailsUrl?: string },
  rendered: RenderedConfigCheck,
): Promise<number> {
  const { owner, repo } = at;
  const output = (annotations: RenderedConfigCheck["annotations"]) => ({ title: rendered.title, summary: rendered.summary, annotations });
  const created = await octokit.rest.checks.create({
    owner,
    repo,
    name: CONFIG_CHECK_NAME,
    head_sha: at.headSha,
    status: "completed",
    conclusion: rendered.conclusion,
    ...(at.detailsUrl ? { details_url: at.detailsUrl } : {}),
    output: output(rendered.annotations.slice(0, PER_REQUEST)),
  });
  for (let i = PER_REQUEST; i < rendered.annotations.length; i += PER_REQUEST) {
    await octokit.rest.checks.update({ owner, repo, check_run_id: created.data.id, output: output(rendered.annotations.slice(i, i + PER_REQUEST)) });
  }
  return created.data.id;
}
