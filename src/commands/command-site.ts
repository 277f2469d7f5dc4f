// Where a command was written, and the two ways Sift answers there: a reaction and a reply.
import type { ProbotOctokit } from "probot";

export interface CommandSite {
  owner: string;
  repo: string;
  repositoryId: number;
  /** The head SHA the command is about. */
  sha: string;
  /** The PR of an issue_comment; null for a comment on a commit. */
  prNumber: number | null;
  /** A commit comment on a commit of the default branch: declarations there are repo-wide. */
  onDefaultBranch: boolean;
  comment: { id: number; kind: "issue" | "commit"; author: string };
}

export async function react(octokit: ProbotOctokit, site: CommandSite, content: "+1" | "eyes" | "confused"): Promise<void> {
  const base = { owner: site.owner, repo: site.repo, comment_id: site.comment.id, content };
  if (site.comment.kind === "issue") await octokit.rest.reactions.createForIssueComment(base);
  else await octokit.rest.reactions.createForCommitComment(base);
}

export async function reply(octokit: ProbotOctokit, site: CommandSite, body: string): Promise<void> {
  const base = { owner: site.owner, repo: site.repo, body };
  if (site.prNumber !== null) await octokit.rest.issues.createComment({ ...base, issue_number: site.prNumber });
  else await octokit.rest.repos.createCommitComment({ ...base, commit_sha: site.sha });
}
