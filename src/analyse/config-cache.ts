// Repository configurations recently loaded, by repository id: the statistics worker asks it before
// loading a configuration itself, and analyses (which load theirs anyway) keep it fresh, so reading
// successful jobs costs no extra configuration request in a repository that is being analysed.
import type { LoadedConfig } from "../config/index.js";

export const CONFIG_TTL_MS = 5 * 60_000;

export interface ConfigCache {
  get(repositoryId: bigint): Pick<LoadedConfig, "settings"> | undefined;
  remember(repositoryId: bigint, config: Pick<LoadedConfig, "settings">): void;
}

export function createConfigCache(now: () => Date, ttlMs = CONFIG_TTL_MS, maxEntries = 10_000): ConfigCache {
  const entries = new Map<bigint, { at: number; config: Pick<LoadedConfig, "settings"> }>();
  return {
    get(repositoryId) {
      const hit = entries.get(repositoryId);
      return hit && now().getTime() - hit.at < ttlMs ? hit.config : undefined;
    },
    remember(repositoryId, config) {
      entries.delete(repositoryId);
      entries.set(repositoryId, { at: now().getTime(), config });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as bigint);
    },
  };
}
