// Impact and durations for machines: the pages' figures, durations in seconds, minutes as minutes.
import type { Durations, StepDurations } from "./durations-data.js";
import type { Impact } from "./impact-data.js";

export function impactJson(i: Impact, now: Date) {
  const { repo, ...figures } = i;
  return { repository: `${repo.owner}/${repo.name}`, generatedAt: now.toISOString(), ...figures };
}

export function durationsJson(d: Durations, now: Date, job?: { name: string; steps: StepDurations[] }) {
  const head = { repository: `${d.repo.owner}/${d.repo.name}`, generatedAt: now.toISOString(), days: d.days, from: d.dayList[0], unit: "seconds", slowdownPolicy: d.policy };
  if (!job) return { ...head, jobs: d.jobs };
  return { ...head, job: { ...(d.jobs.find((j) => j.name === job.name) ?? { name: job.name, window: null, daily: [], slowdown: null }), steps: job.steps } };
}
