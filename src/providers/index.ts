// providers/: CI systems beside GitHub Actions (CircleCI, Buildkite, Jenkins, GitLab, Buildbot) —
// recognise their statuses, read logs through their APIs, re-run through them; credentials from the operator.
import { buildbot } from "./buildbot.js";
import { buildkite } from "./buildkite.js";
import type { CiProvider } from "./ci-provider.js";
import { circleci } from "./circleci.js";
import { gitlab } from "./gitlab.js";
import { jenkins } from "./jenkins.js";

export type { Capabilities, CiJob, CiProvider, CiProviderId, ProviderCall, ProviderCredentials, ProviderRerunOutcome } from "./ci-provider.js";
export { createCredentialStore, loadCredentialStore, parseProvidersFile, ProvidersFileError, PROVIDER_IDS, type CredentialStore } from "./credentials.js";
export { createProviderRegistry, capabilityNotes, type ProviderAccess, type ProviderRegistry, type ProviderRegistryDeps } from "./provider-registry.js";
export { circleci, buildkite, jenkins, gitlab, buildbot };

/** Every adapter, in the order they are asked to recognise a status. */
export const allProviders: readonly CiProvider[] = [circleci, buildkite, gitlab, buildbot, jenkins] as readonly CiProvider[];
