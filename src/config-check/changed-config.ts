// Did a pull request touch `.github/sift.yml` (or add it under a name Sift does not read)? Its files
// are listed a page at a time, at most MAX_PAGES pages (GitHub itself lists at most 3,000 files of a pull request).
import type { ProbotOctokit } from "probot";
import { configPath } from "../config/index.js";

const MAX_PAGES = 30;

/** Names a maintainer may well give the file, which Sift never reads. */
const MISNAMED = new Set([".github/sift.yaml", ".github/sift.json"]);

export type ConfigChange =
  | { status: "changed" | "removed" }
  | { status: "misnamed"; filename: string }
  | { status: "unchanged"; listed: number; cut: boolean };

export async function changedConfig(octokit: ProbotOctokit, pr: { owner: string; repo: string; number: number }): Promise<ConfigChange> {
  let listed = 0;
  let pages = 0;
  let misnamed: string | undefined;
  const unchanged = (cut: boolean): ConfigChange => (misnamed ? { status: "misnamed", filename: misnamed } : { status: "unchanged", listed, cut });
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listFiles, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 })) {
    for (const file of page.data) {
      if (file.filename === configPath) return { status: file.status === "removed" ? "removed" : "changed" };
      if (file.previous_filename === configPath) return { status: "removed" };
      if (file.status !== "removed" && MISNAMED.has(file.filename)) misnamed ??= file.filename;
    }
    listed += page.data.length;
    if (++pages >= MAX_PAGES) return unchanged(true);
  }
  return unchanged(false);
}
