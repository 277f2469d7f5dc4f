// A file's text at a commit (the pull request's head SHA), at most MAX_CONFIG_BYTES of it.
import type { ProbotOctokit } from "probot";
import { MAX_CONFIG_BYTES } from "../config/index.js";

export async function readFileAt(octokit: ProbotOctokit, at: { owner: string; repo: string; path: string; ref: string }): Promise<string> {
  const res = await octokit.rest.repos.getContent({ ...at, mediaType: { format: "raw" } });
  const data: unknown = res.data;
  const text = typeof data === "string" ? data : Buffer.isBuffer(data) ? data.toString("utf8") : data instanceof ArrayBuffer ? Buffer.from(data).toString("utf8") : null;
  if (text === null) throw new Error(`${at.path} is not a file`);
  // One byte over the limit is enough for parseConfigText to refuse it with the reason.
  return text.length > MAX_CONFIG_BYTES + 1 ? text.slice(0, MAX_CONFIG_BYTES + 1) : text;
}
