// GitHub Actions runner, service and platform failures: the machine or GitHub went away, not the code.
// Messages are the runner's own (actions/runner), so they are matched anywhere in the log.
// Credits: several shapes are re-expressed from pytorch/test-infra aws/lambda/log-classifier/ruleset.toml
// (BSD-3-Clause): shutdown signal, pod failed to come online, archive download, response status code.
import type { PatternInput } from "../../model/config-schema.js";
import { TEST_CHATTER } from "./noise.js";

export const githubRunnerPatterns: PatternInput[] = [
  {
    id: "gha.runner-shutdown",
    regex: String.raw`(?:^|##\[error\])The runner has received a shutdown signal\.`,
    class: "flaky",
    category: "runner",
    description: "The runner was shut down mid-job (spot reclaim, scale-in or a restarted runner service).",
    scope: "log",
  },
  {
    id: "gha.runner-lost",
    regex: String.raw`The (?:self-hosted |hosted )?runner: .+ lost communication with the server`,
    class: "flaky",
    category: "runner",
    description: "The runner stopped talking to GitHub (crashed, starved or lost its network).",
    scope: "log",
  },
  {
    id: "gha.runner-error",
    regex: String.raw`The hosted runner encountered an error while running your job|Received request to deprovision: The request was cancelled by the remote provider|An error occurred while provisioning resources \(Error Type: \w+\)|The remote provider was unable to process the request`,
    class: "flaky",
    category: "runner",
    description: "The hosted runner failed, could not be provisioned, or was deprovisioned during the job.",
    scope: "log",
  },
  {
    id: "gha.job-not-acquired",
    regex: String.raw`The job was not acquired by Runner of type \w+ even after multiple attempts`,
    class: "flaky",
    category: "runner",
    description: "No runner picked the job up.",
    scope: "log",
  },
  {
    id: "gha.internal-error",
    regex: String.raw`GitHub Actions has encountered an internal error when running your job`,
    class: "flaky",
    category: "runner",
    description: "GitHub Actions reported an internal error.",
    scope: "log",
  },
  {
    id: "gha.runner-pod",
    regex: String.raw`##\[error\]Error: pod failed to come online with error:`,
    class: "flaky",
    category: "runner",
    description: "The Kubernetes pod backing a self-hosted runner never came online.",
    scope: "log",
  },
  {
    id: "gha.action-download",
    regex: String.raw`##\[error\](?:Failed to download archive '[^'\n]+' after \d+ attempts|Failed to resolve action download info)|Action '[^'\n]+' download has timed out`,
    class: "flaky",
    category: "network",
    description: "The runner could not download an action.",
    scope: "log",
  },
  {
    id: "gha.http-5xx",
    // Also a setup action's own wrapper around @actions/tool-cache's error ("Failed to download version 1.22.4:
    // Error: Unexpected HTTP response: 503", actions/setup-go#688 shows the 403 form).
    regex: String.raw`##\[error\](?:.*\bError: )?(?:Response status code does not indicate success|Unexpected HTTP response): (?:5\d\d|429)\b`,
    class: "flaky",
    category: "network",
    description: "A GitHub service or tool download answered with a server error or rate limit.",
    scope: "log",
  },
  {
    id: "gha.artifact-service",
    regex: String.raw`(?:Failed to (?:CreateArtifact|FinalizeArtifact|UploadArtifact|ListArtifacts|GetSignedArtifactURL)|Create Artifact Container failed|List Artifacts failed|Unable to (?:upload|download) artifact).*(?:\b5\d\d\b|\b429\b|ECONNRESET|ETIMEDOUT|socket hang up|timed? ?out)`,
    class: "flaky",
    category: "artifacts",
    description: "The artifact service failed (server error, reset or timeout).",
    unless: TEST_CHATTER,
  },
  {
    id: "github.api-rate-limit",
    regex: String.raw`API rate limit exceeded for (?:user ID \d+|installation(?: ID \d+)?\b|\d{1,3}(?:\.\d{1,3}){3})|You have exceeded a secondary rate limit`,
    class: "flaky",
    category: "rate-limit",
    description: "The GitHub API rate limit was hit.",
    unless: TEST_CHATTER,
  },
  {
    // The Actions cache service behind actions/cache and the toolkit (@actions/cache).
    id: "gha.cache-service",
    // getCacheEntry, reserveCache, uploadChunk, CreateCacheEntry, GetCacheEntryDownloadURL… "failed:", written
    // from the capital C on: alternatives that start like common words ("re", "co", "do") kept the engine's
    // one-pass RE2 set busy on every line and made it 6× slower on the corpus.
    regex: String.raw`Cache service responded with (?:5\d\d|429)\b|C(?:ache(?:Entry(?:Upload|DownloadURL)?)?|hunk) failed: (?:Request timeout|.{0,80}\b(?:5\d\d|429)\b)`,
    class: "flaky",
    category: "cache",
    description: "The Actions cache service failed or timed out.",
    unless: TEST_CHATTER,
  },
  {
    // @actions/http-client's own timeout, as setup-* actions and the toolkit print it.
    id: "gha.http-timeout",
    regex: String.raw`^##\[error\](?:Error: )?Request timeout: /|::error::Request timeout: /`,
    class: "flaky",
    category: "network",
    description: "An action's HTTP request (tool download, version manifest, cache) timed out.",
  },
  {
    id: "github.api-5xx",
    regex: String.raw`(?:RequestError \[HttpError\]|\bHttpError): (?:Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Internal Server Error)\s*$|\bgh: .*\(HTTP 5\d\d\)|\bHTTP (?:50[0234]): (?:Bad Gateway|Service Unavailable|Gateway Timeout|Internal Server Error) \(https://api\.github\.com/|HTTPError: 5\d\d Server Error: .{0,60} for url: https://api\.github\.com/`,
    class: "flaky",
    category: "github",
    description: "The GitHub API answered with a server error.",
    unless: TEST_CHATTER,
  },
];
