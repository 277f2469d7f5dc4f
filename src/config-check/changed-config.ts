// Did a pull request touch `.github/sift.yml`? Its files are listed a page at a time, at most
// MAX_PAGES pages (GitHub itself lists at most 3,000 files of a pull request).
import type { ProbotOctokit } from "probot";
import { configPath } from "../config/index.js";

const MAX_PAGES = 30;

export type ConfigChange = { status: "changed" | "removed" } | { status: "unchanged"; listed: number; cut: boolean };

export async function changedConfig(octokit: ProbotOctokit, pr: { owner: string; repo: string; number: number }): Promise<ConfigChange> {
  let listed = 0;
  let pages = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listFiles, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 })) {
    for (const file of page.data) {
      if (file.filename === configPath) return { status: file.status === "removed" ? "removed" : "changed" };
      if (file.previous_filename === configPath) return { status: "removed" };
    }
    listed += page.data.length;
    if (++pages >= MAX_PAGES) return { status: "unchanged", listed, cut: true };
  }
  return { status: "unchanged", listed, cut: false };
}
