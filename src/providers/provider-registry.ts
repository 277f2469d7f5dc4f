// The providers Sift knows, behind one door: which provider a status belongs to, whether Sift may
// speak to it (credentials for the organisation, and the status's URL on the server they are for),
// its log as a StatusLogProvider for logs/, and its re-run.
import { DEFAULT_MAX_LOG_BYTES, fetchFailure, withLogFields, type LogFetchResult, type StatusLogProvider } from "../logs/index.js";
import type { CiJob, CiProvider, ProviderCall, ProviderRerunOutcome } from "./ci-provider.js";
import type { CredentialStore } from "./credentials.js";

export interface ProviderRegistryDeps {
  providers: readonly CiProvider[];
  credentials: CredentialStore;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** What Sift can do with one job's provider; the report shows `reason` when something is missing. */
export interface ProviderAccess {
  provider: CiProvider;
  ref: unknown;
  /** Present when Sift may call the provider for this job. */
  call?: Omit<ProviderCall, "maxBytes">;
  /** Why Sift may not (no credentials, URL on another server). */
  refusal?: string;
}

export interface ProviderRegistry {
  /** The provider behind a status, and whether Sift may call it; null when no provider claims it. */
  access(job: CiJob): ProviderAccess | null;
  /** For logs/fetch: reads recognised statuses through their provider (after access checks). */
  statusLogProvider: StatusLogProvider;
  rerun(job: CiJob): Promise<ProviderRerunOutcome>;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function createProviderRegistry(deps: ProviderRegistryDeps): ProviderRegistry {
  const fetch = deps.fetch ?? globalThis.fetch;
  const timeoutMs = deps.timeoutMs ?? 60_000;

  const access = (job: CiJob): ProviderAccess | null => {
    for (const provider of deps.providers) {
      const found = provider.recognise(job);
      if (!found) continue;
      const credentials = deps.credentials.get(provider.id, job.owner);
      const where = `SIFT_PROVIDERS_FILE: ${provider.id} → ${job.owner}, or SIFT_${provider.id.toUpperCase()}_TOKEN`;
      if (!credentials?.token) return { provider, ref: found.ref, refusal: `Sift has no ${provider.title} credentials for ${job.owner} (${where})` };
      const base = credentials.url ?? provider.defaultUrl;
      if (!base) return { provider, ref: found.ref, refusal: `the ${provider.title} credentials for ${job.owner} name no url (${where})` };
      const trusted = [originOf(base), ...(credentials.url ? [] : (provider.webAliases ?? []))];
      // target_url is set by whoever may post statuses: the token only goes to the configured server.
      if (!trusted.includes(found.origin)) {
        return { provider, ref: found.ref, refusal: `the status links to ${found.origin}, not to the ${provider.title} server Sift has credentials for (${originOf(base)})` };
      }
      return { provider, ref: found.ref, call: { base: provider.apiUrl?.(base) ?? base, credentials, fetch, timeoutMs } };
    }
    return null;
  };

  const statusLogProvider: StatusLogProvider = {
    name: "ci-providers",
    handles: (status) => status.targetUrl !== null && access(ciJobOf(status)) !== null,
    async fetch(status, options): Promise<LogFetchResult> {
      const found = access(ciJobOf(status));
      if (!found) return fetchFailure(`no provider recognises status "${status.context}"`, false);
      const title = found.provider.title;
      if (!found.call) return fetchFailure(`${title} status: ${found.refusal}`, false);
      const result = await found.provider.fetchLog(found.ref, { ...found.call, maxBytes: options.maxBytes ?? DEFAULT_MAX_LOG_BYTES });
      if (!result.ok) return { ...result, reason: `${title}: ${result.reason}` };
      const notes = [...(result.source.notes ?? []), ...capabilityNotes(found.provider)];
      return withLogFields(result, { source: { ...result.source, provider: "status", ciProvider: title, notes } });
    },
  };

  return {
    access,
    statusLogProvider,
    async rerun(job) {
      const found = access(job);
      if (!found) return { result: "failed", message: `no provider recognises status "${job.context}"` };
      if (!found.provider.capabilities.reruns) return { result: "failed", message: `${found.provider.title} jobs cannot be re-run through its API` };
      if (!found.call) return { result: "failed", message: found.refusal ?? "no access" };
      try {
        return await found.provider.rerun(found.ref, { ...found.call, maxBytes: DEFAULT_MAX_LOG_BYTES });
      } catch (err) {
        return { result: "failed", message: `${found.provider.title}: ${(err as Error).message}` };
      }
    },
  };
}

function ciJobOf(status: { context: string; targetUrl: string | null; owner?: string | undefined; appSlug?: string | null | undefined }): CiJob {
  return { context: status.context, url: status.targetUrl ?? "", owner: status.owner ?? "", appSlug: status.appSlug ?? null };
}

/** What the provider cannot do, in the report's words. */
export function capabilityNotes(provider: CiProvider): string[] {
  const notes: string[] = [];
  if (!provider.capabilities.steps) notes.push(`${provider.title} gives no steps: the whole log counts as the failing step`);
  if (!provider.capabilities.reruns) notes.push(`${provider.title} jobs cannot be re-run by Sift`);
  return notes;
}
