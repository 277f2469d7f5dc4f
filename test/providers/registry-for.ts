// A provider registry pointed at one double, with credentials for the org "acme".
import { allProviders, createCredentialStore, createProviderRegistry, type CiProviderId, type ProviderCredentials, type ProviderRegistry } from "../../src/providers/index.js";

export function registryFor(provider: CiProviderId, credentials: ProviderCredentials | undefined, org = "acme"): ProviderRegistry {
  const table = credentials ? { [provider]: { [org]: credentials } } : {};
  return createProviderRegistry({ providers: allProviders, credentials: createCredentialStore(table), timeoutMs: 5_000 });
}

/** A status as a StatusRef for the registry's log provider. */
export const statusOf = (context: string, targetUrl: string, owner = "acme") => ({ context, targetUrl, owner });
