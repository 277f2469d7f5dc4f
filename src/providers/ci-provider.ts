// The contract every CI provider adapter fulfils: recognise its statuses, read a job's log through its
// API, re-run where it allows, and say up front what it can do so the report can say what it could not.
import type { LogFetchResult } from "../logs/index.js";

export type CiProviderId = "circleci" | "buildkite" | "jenkins" | "gitlab" | "buildbot";

export interface Capabilities {
  /** The log can be read through the API. */
  logs: boolean;
  /** The log comes split into steps (the failing step is known). */
  steps: boolean;
  /** A failed job can be re-run through the API. */
  reruns: boolean;
}

/** An operator's credentials for one provider and one organisation (never from repository config). */
export interface ProviderCredentials {
  /** Where the provider lives (self-hosted servers; the SaaS default otherwise). Tokens go only here. */
  url?: string | undefined;
  token?: string | undefined;
  /** Jenkins (and Buildbot basic auth): the user the API token belongs to. */
  user?: string | undefined;
}

/** A commit status or another app's check run, as Sift sees it. */
export interface CiJob {
  /** The status context, or the check run's name. */
  context: string;
  /** target_url / details_url. */
  url: string;
  /** The repository owner: credentials are chosen per organisation. */
  owner: string;
  /** The check run's app slug, for check runs. */
  appSlug?: string | null | undefined;
}

/** What an adapter gets for one call: where the API is, the credentials, and the plumbing. */
export interface ProviderCall {
  /** The provider's origin (scheme://host[:port][/prefix]) the job's URL was checked against. */
  base: string;
  credentials: ProviderCredentials;
  fetch: typeof globalThis.fetch;
  maxBytes: number;
  timeoutMs: number;
}

export type ProviderRerunOutcome = { result: "requested"; detail: string } | { result: "wait"; message: string } | { result: "failed"; message: string };

export interface CiProvider<Ref = unknown> {
  readonly id: CiProviderId;
  readonly title: string;
  readonly capabilities: Capabilities;
  /** The public service's origin, when there is one (circleci.com, gitlab.com…); self-hosted otherwise. */
  readonly defaultUrl?: string;
  /** Other web origins of the public service that stand for defaultUrl (app.circleci.com). */
  readonly webAliases?: readonly string[];
  /** The API's base for a server base (Buildkite's API lives on its own host); the base itself by default. */
  apiUrl?(base: string): string;
  /** The provider's reference to the job behind this status, or null when the status is not its own. */
  recognise(job: CiJob): { ref: Ref; origin: string } | null;
  fetchLog(ref: Ref, call: ProviderCall): Promise<LogFetchResult>;
  rerun(ref: Ref, call: ProviderCall): Promise<ProviderRerunOutcome>;
}
