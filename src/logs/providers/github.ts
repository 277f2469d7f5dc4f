// The slice of Octokit the providers use, so tests and callers can pass any compatible client.
import type { ProbotOctokit } from "probot";

export type GitHub = InstanceType<typeof ProbotOctokit>;

/** The HTTP status of an Octokit RequestError, or undefined for network errors and the like. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
