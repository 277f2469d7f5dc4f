// Provider credentials come from the operator: a secrets file (SIFT_PROVIDERS_FILE, JSON or YAML,
// provider → organisation → {url, token, user}, "*" for any organisation) and environment variables
// (SIFT_<PROVIDER>_TOKEN / _URL / _USER, for every organisation). Never from repository config.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import type { CiProviderId, ProviderCredentials } from "./ci-provider.js";

export const PROVIDER_IDS: readonly CiProviderId[] = ["circleci", "buildkite", "jenkins", "gitlab", "buildbot"];

export interface CredentialStore {
  /** The credentials for this provider and organisation (the file's org entry, then "*", then env). */
  get(provider: CiProviderId, org: string): ProviderCredentials | undefined;
}

type Table = Partial<Record<CiProviderId, Record<string, ProviderCredentials>>>;

export class ProvidersFileError extends Error {
  override name = "ProvidersFileError";
}

/** Parses and checks the file's text; throws ProvidersFileError naming the key at fault. */
export function parseProvidersFile(text: string, file: string): Table {
  let doc: unknown;
  try {
    doc = parseYaml(text); // YAML is a superset of JSON
  } catch (err) {
    throw new ProvidersFileError(`${file}: not JSON or YAML: ${(err as Error).message}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== "object" || Array.isArray(doc)) throw new ProvidersFileError(`${file}: expected a map of provider → organisation → credentials`);
  const table: Table = {};
  for (const [provider, orgs] of Object.entries(doc)) {
    if (!PROVIDER_IDS.includes(provider as CiProviderId)) throw new ProvidersFileError(`${file}: unknown provider "${provider}" (known: ${PROVIDER_IDS.join(", ")})`);
    if (typeof orgs !== "object" || orgs === null || Array.isArray(orgs)) throw new ProvidersFileError(`${file}: ${provider}: expected a map of organisation → credentials`);
    const entries: Record<string, ProviderCredentials> = {};
    for (const [org, creds] of Object.entries(orgs as Record<string, unknown>)) {
      entries[org.toLowerCase()] = credentialsAt(creds, `${file}: ${provider}.${org}`);
    }
    table[provider as CiProviderId] = entries;
  }
  return table;
}

function credentialsAt(value: unknown, where: string): ProviderCredentials {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ProvidersFileError(`${where}: expected {url, token, user}`);
  const out: ProviderCredentials = {};
  for (const [key, v] of Object.entries(value)) {
    if (key !== "url" && key !== "token" && key !== "user") throw new ProvidersFileError(`${where}: unknown key "${key}" (url, token, user)`);
    if (typeof v !== "string" || v === "") throw new ProvidersFileError(`${where}.${key}: expected a non-empty string`);
    if (key === "url" && !/^https?:\/\/[^/]/i.test(v)) throw new ProvidersFileError(`${where}.url: expected an http(s) URL`);
    out[key] = key === "url" ? v.replace(/\/+$/, "") : v;
  }
  if (!out.token) throw new ProvidersFileError(`${where}: token is required`);
  return out;
}

function fromEnv(env: Record<string, string | undefined>, provider: CiProviderId): ProviderCredentials | undefined {
  const prefix = `SIFT_${provider.toUpperCase()}_`;
  const token = env[`${prefix}TOKEN`];
  if (!token) return undefined;
  const url = env[`${prefix}URL`]?.replace(/\/+$/, "") || undefined;
  const user = env[`${prefix}USER`] || undefined;
  return { token, ...(url ? { url } : {}), ...(user ? { user } : {}) };
}

export function createCredentialStore(table: Table, env: Record<string, string | undefined> = {}): CredentialStore {
  return {
    get(provider, org) {
      const entries = table[provider];
      return entries?.[org.toLowerCase()] ?? entries?.["*"] ?? fromEnv(env, provider);
    },
  };
}

/** The store the App uses: SIFT_PROVIDERS_FILE (when set) and the environment. A bad file stops start-up. */
export function loadCredentialStore(env: Record<string, string | undefined> = process.env): CredentialStore {
  const file = env.SIFT_PROVIDERS_FILE;
  if (!file) return createCredentialStore({}, env);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ProvidersFileError(`SIFT_PROVIDERS_FILE: cannot read ${file}: ${(err as Error).message}`);
  }
  return createCredentialStore(parseProvidersFile(text, file), env);
}
