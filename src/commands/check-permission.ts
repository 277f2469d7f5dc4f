// Only people who could push may steer Sift: write, maintain or admin on the repository.
import type { ProbotOctokit } from "probot";

const ALLOWED = new Set(["admin", "maintain", "write"]);

export type Permission = { allowed: true } | { allowed: false; has: string };

export async function checkPermission(octokit: ProbotOctokit, repo: { owner: string; repo: string }, username: string): Promise<Permission> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: repo.owner, repo: repo.repo, username });
    // `permission` folds maintain into write; `role_name` keeps it (and custom roles).
    if (ALLOWED.has(data.permission) || ALLOWED.has(data.role_name ?? "")) return { allowed: true };
    return { allowed: false, has: data.role_name || data.permission };
  } catch (err) {
    if ((err as { status?: number }).status === 404) return { allowed: false, has: "none" };
    throw err;
  }
}
