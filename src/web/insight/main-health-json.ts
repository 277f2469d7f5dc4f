// Main-branch health for machines (Grafana's JSON datasource, scripts): the page's figures, times
// in ISO 8601 and durations in seconds.
import type { BrokenPeriod } from "../../decide/index.js";
import { BROKEN_DEFINITION } from "../branch-health.js";
import type { MainHealth } from "./main-health-data.js";
import { orgDaily } from "./main-health-view.js";

const period = (p: BrokenPeriod) => ({
  open: p.fixSha === null,
  sinceSha: p.sinceSha,
  since: p.since.toISOString(),
  startUnknown: p.startUnknown,
  firstJobs: p.firstJobs,
  lastJobs: p.lastJobs,
  commits: p.commits,
  fixSha: p.fixSha,
  fixedAt: p.fixedAt?.toISOString() ?? null,
  seconds: p.seconds,
});

function summary(h: MainHealth) {
  const open = h.periods[0] && !h.periods[0].fixSha ? h.periods[0] : null;
  return {
    repository: `${h.repo.owner}/${h.repo.name}`,
    branch: h.repo.defaultBranch,
    days: h.days,
    commits: h.commits,
    broken: h.broken,
    share: h.share,
    medianTimeToFixSeconds: h.medianTimeToFix,
    open: open && period(open),
  };
}

export function healthJson(h: MainHealth, now: Date) {
  return { ...summary(h), generatedAt: now.toISOString(), definition: BROKEN_DEFINITION, daily: h.daily, periods: h.periods.map(period) };
}

export function orgHealthJson(owner: string, list: readonly MainHealth[], now: Date) {
  return { owner, generatedAt: now.toISOString(), definition: BROKEN_DEFINITION, daily: orgDaily(list), repositories: list.map(summary) };
}
