// The patterns page for machines: /api/v1/repos/:owner/:repo/patterns, and the pages with ?format=json.
import type { PatternsData } from "./patterns-data.js";
import type { Suggestion } from "./suggestions-data.js";

export function patternsJson(data: PatternsData, suggestions: Suggestion[] | null) {
  return {
    title: data.title,
    generatedAt: data.generatedAt.toISOString(),
    days: data.days,
    repositories: data.repos.map((r) => `${r.owner}/${r.name}`),
    patterns: data.patterns.map((p) => ({
      id: p.id,
      origin: p.origin,
      class: p.class,
      category: p.category,
      observe: p.observe,
      hits: p.hits,
      lastHit: p.lastHit?.toISOString() ?? null,
      observedHits: p.observedHits,
      lastObserved: p.lastObserved?.toISOString() ?? null,
      repositories: p.repositories,
      reruns: p.reruns,
      rerunsConcluded: p.concluded,
      rerunsPassed: p.passed,
      rescueRate: p.rescueRate,
      demoted: p.demoted,
      promoted: p.promoted,
    })),
    ...(suggestions
      ? { suggestions: suggestions.map((s) => ({ signature: s.signature, jobs: s.jobs, pullRequests: s.prs, passedOnRerun: s.passedOnRerun, id: s.id, regex: s.regex, yaml: s.yaml, backtest: s.backtest })) }
      : {}),
  };
}
