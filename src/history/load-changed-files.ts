// The files a commit's pull requests change, from GitHub (`pulls.listFiles`, bounded pages). Asked only
// when flaky-test evidence would otherwise clear a failure; anything that goes wrong is "unknown", and
// the failure then stays genuine with the reason.
import type { ProbotOctokit } from "probot";
import type { ChangedFiles } from "../decide/index.js";

export interface ChangedFilesQuery {
  owner: string;
  repo: string;
  prNumbers: number[];
}

const PER_PAGE = 100;
/** GitHub lists at most 3,000 files of a pull request; a PR this large is not worth the requests. */
export const MAX_PAGES = 10;
const MAX_PULLS = 3;

export async function loadChangedFiles(octokit: Pick<ProbotOctokit, "rest">, q: ChangedFilesQuery): Promise<ChangedFiles> {
  if (q.prNumbers.length === 0) return { kind: "unknown", reason: "the commit belongs to no pull request Sift knows of" };
  if (q.prNumbers.length > MAX_PULLS) return { kind: "unknown", reason: `the commit belongs to ${q.prNumbers.length} pull requests` };
  const files = new Set<string>();
  try {
    for (const pull_number of q.prNumbers) {
      for (let page = 1; ; page++) {
        const { data } = await octokit.rest.pulls.listFiles({ owner: q.owner, repo: q.repo, pull_number, per_page: PER_PAGE, page });
        for (const f of data) {
          files.add(f.filename);
          if (f.previous_filename) files.add(f.previous_filename);
        }
        if (data.length < PER_PAGE) break;
        if (page >= MAX_PAGES) return { kind: "unknown", reason: `pull request #${pull_number} changes more than ${MAX_PAGES * PER_PAGE} files` };
      }
    }
  } catch (err) {
    const e = err as { status?: number; message?: string };
    return { kind: "unknown", reason: `GitHub did not list the pull request's files (${e.status ? `HTTP ${e.status}` : (e.message ?? String(err))})` };
  }
  return { kind: "files", files: [...files] };
}
