// What the patterns page shows, read from the database only: every pattern of the repositories'
// effective sets (as their latest analyses used them) and every pattern that decided or was observed
// in the window, with hits, last hit, repositories, automatic re-runs, rescue rate, demoted and
// observe state. A repository's demotion uses its own `demote` settings, as the analysis does.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { defaultDemotePolicy, demotionOf, type DemotePolicy } from "../../decide/index.js";
import { loadPatternStats, DEMOTE_WINDOW_DAYS } from "../../history/index.js";
import type { RepoRef } from "../reader.js";

const DAY = 24 * 3600 * 1000;

export interface PatternRow {
  id: string;
  /** The layer in the current set (repo, org, builtin), or null: no longer in any set, seen in history. */
  origin: string | null;
  class: string | null;
  category: string | null;
  /** In `mode: observe` in at least one repository's current set. */
  observe: boolean;
  hits: number;
  lastHit: Date | null;
  observedHits: number;
  lastObserved: Date | null;
  /** Repositories where it decided or was observed in the window. */
  repositories: string[];
  reruns: number;
  concluded: number;
  passed: number;
  rescueRate: number | null;
  /** Per repository where it is demoted: why. */
  demoted: { repo: string; reason: string }[];
  /** Repositories whose demote.promote lists it. */
  promoted: string[];
}

export interface PatternsData {
  title: string;
  days: number;
  generatedAt: Date;
  repos: RepoRef[];
  patterns: PatternRow[];
}

type SetEntry = { id: string; origin: string; class: string; category: string; observe: boolean };

function policyOf(demote: unknown): DemotePolicy {
  const d = (demote ?? {}) as { enabled?: unknown; min_rescue_rate?: unknown; min_reruns?: unknown; promote?: unknown };
  return {
    enabled: typeof d.enabled === "boolean" ? d.enabled : defaultDemotePolicy.enabled,
    minRescueRate: typeof d.min_rescue_rate === "number" ? d.min_rescue_rate : defaultDemotePolicy.minRescueRate,
    minReruns: typeof d.min_reruns === "number" ? d.min_reruns : defaultDemotePolicy.minReruns,
    promote: Array.isArray(d.promote) ? d.promote.filter((p): p is string => typeof p === "string") : [],
  };
}

function entriesOf(patterns: unknown): SetEntry[] {
  if (!Array.isArray(patterns)) return [];
  return patterns.filter((p): p is SetEntry => typeof p?.id === "string" && typeof p?.origin === "string");
}

export async function loadPatterns(prisma: PrismaClient, title: string, repos: RepoRef[], now: Date): Promise<PatternsData> {
  const since = new Date(now.getTime() - DEMOTE_WINDOW_DAYS * DAY);
  const ids = repos.map((r) => r.id);
  const [stats, sets] = await Promise.all([
    loadPatternStats(prisma, { repositoryIds: ids, since }),
    ids.length ? prisma.repositoryPatternSet.findMany({ where: { repositoryId: { in: ids } } }) : [],
  ]);
  const nameOf = new Map(repos.map((r) => [r.id, `${r.owner}/${r.name}`]));
  const policies = new Map(sets.map((s) => [s.repositoryId, policyOf(s.demote)]));
  const rows = new Map<string, PatternRow>();
  const row = (id: string): PatternRow => {
    let r = rows.get(id);
    if (!r) {
      r = { id, origin: null, class: null, category: null, observe: false, hits: 0, lastHit: null, observedHits: 0, lastObserved: null, repositories: [], reruns: 0, concluded: 0, passed: 0, rescueRate: null, demoted: [], promoted: [] };
      rows.set(id, r);
    }
    return r;
  };
  for (const set of sets) {
    const repo = nameOf.get(set.repositoryId) ?? "";
    for (const e of entriesOf(set.patterns)) {
      const r = row(e.id);
      // The nearest layer wins when repositories disagree (a repo pattern over an org one).
      if (r.origin === null || rank(e.origin) < rank(r.origin)) Object.assign(r, { origin: e.origin, class: e.class, category: e.category });
      r.observe ||= e.observe;
    }
    for (const id of policies.get(set.repositoryId)?.promote ?? []) row(id).promoted.push(repo);
  }
  for (const s of stats) {
    const r = row(s.patternId);
    const repo = nameOf.get(s.repositoryId) ?? "";
    r.hits += s.hits;
    r.observedHits += s.observedHits;
    r.reruns += s.reruns;
    r.concluded += s.concluded;
    r.passed += s.passed;
    if (s.lastHit && (!r.lastHit || s.lastHit > r.lastHit)) r.lastHit = s.lastHit;
    if (s.lastObserved && (!r.lastObserved || s.lastObserved > r.lastObserved)) r.lastObserved = s.lastObserved;
    if ((s.hits > 0 || s.observedHits > 0) && !r.repositories.includes(repo)) r.repositories.push(repo);
    const demotion = demotionOf({ patternId: s.patternId, reruns: s.concluded, passed: s.passed }, policies.get(s.repositoryId) ?? defaultDemotePolicy);
    if (demotion) r.demoted.push({ repo, reason: demotion.reason });
  }
  for (const r of rows.values()) {
    r.rescueRate = r.concluded > 0 ? r.passed / r.concluded : null;
    r.repositories.sort();
  }
  const patterns = [...rows.values()].sort((a, b) => b.hits - a.hits || b.observedHits - a.observedHits || b.reruns - a.reruns || a.id.localeCompare(b.id));
  return { title, days: DEMOTE_WINDOW_DAYS, generatedAt: now, repos, patterns };
}

function rank(origin: string): number {
  return origin === "repo" ? 0 : origin === "org" ? 1 : 2;
}
