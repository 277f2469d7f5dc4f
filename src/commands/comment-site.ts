// Where a comment's command applies: the PR's head SHA for a PR comment; the commented commit for a
// commit comment, repo-wide when that commit is on the default branch.
import type { ProbotOctokit } from "probot";
import type { CommandSite } from "./command-site.js";

interface RepoFields {
  id: number;
  name: string;
  owner: { login: string };
  default_branch: string;
}

interface CommentFields {
  id: number;
  user: { login?: string } | null;
}

export async function pullRequestSite(octokit: ProbotOctokit, repository: RepoFields, comment: CommentFields, prNumber: number): Promise<CommandSite> {
  const repo = { owner: repository.owner.login, repo: repository.name };
  const { data: pr } = await octokit.rest.pulls.get({ ...repo, pull_number: prNumber });
  return { ...repo, repositoryId: repository.id, sha: pr.head.sha, prNumber, onDefaultBranch: false, comment: { id: comment.id, kind: "issue", author: comment.user?.login ?? "" } };
}

export async function commitSite(octokit: ProbotOctokit, repository: RepoFields, comment: CommentFields, sha: string): Promise<CommandSite> {
  const repo = { owner: repository.owner.login, repo: repository.name };
  // The commit is on the default branch when the branch contains it: identical to or behind its tip.
  const { data: cmp } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${repository.default_branch}...${sha}` });
  const onDefaultBranch = cmp.status === "identical" || cmp.status === "behind";
  return { ...repo, repositoryId: repository.id, sha, prNumber: null, onDefaultBranch, comment: { id: comment.id, kind: "commit", author: comment.user?.login ?? "" } };
}
