// Prometheus metrics. One registry per app instance, so tests can build several side by side.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { FAILURE_KINDS, type FailureKind, type Metrics } from "../../model/index.js";
import { MAX_OTHER_PATTERN_LABELS, OTHER_PATTERN_LABEL, patternLabeller } from "./pattern-label.js";
import { boundedLabel } from "./bounded-label.js";
import { createGitHubMetrics } from "./github-metrics.js";
import type { QueueDepth } from "./queue-metrics.js";
import { boundRepositories, type RepositoryFailures } from "./repository-failure-metrics.js";

export interface MetricsSources {
  /** Head SHAs waiting for (or under) analysis, read from the database at scrape time. */
  pendingCommits?: () => Promise<number>;
  /** Per repository: is the latest analysed default-branch commit broken (src/web/metrics/history-metrics.ts). */
  defaultBranchRed?: () => Promise<{ repo: string; red: boolean; private?: boolean }[]>;
  /** Failed jobs classified in the last 24 hours, by kind. */
  failures24h?: () => Promise<Record<FailureKind, number>>;
  /** The last value of each (repository, statistic, group) of the last week, at most 200 (src/statistics). */
  statisticLastValues?: () => Promise<{ repo: string; private: boolean; statistic: string; group: string; value: number }[]>;
  /** Jobs flagged slower by decide/slowdown.ts, largest slowdown first (src/web/insight/slowdown-metrics.ts). */
  jobSlowdowns?: () => Promise<{ repo: string; job: string; private: boolean }[]>;
  /** Concluded automatic re-runs of the last 30 days and how many passed, by pattern (web/metrics/pattern-metrics.ts). */
  patternRescue?: () => Promise<{ pattern: string; reruns: number; passed: number }[]>;
  /** The analysis queue now (web/metrics/queue-metrics.ts). */
  queue?: () => Promise<QueueDepth>;
  /** Failed jobs classified in the last 24 hours, per repository and verdict (web/metrics/repository-failure-metrics.ts). */
  repositoryFailures24h?: () => Promise<RepositoryFailures[]>;
  /** Notifications in the outbox not delivered yet, and those given up on (src/notify/). */
  notificationOutbox?: () => Promise<{ pending: number; failed: number }>;
}

/** Categories are named by patterns people write: the first 50 distinct ones keep their name. */
const MAX_CATEGORIES = 50;

export interface MetricsOptions {
  /** Name private repositories in labels: only when /metrics asks for a token (SIFT_METRICS_TOKEN). */
  privateRepoNames?: boolean;
}

/** sift_job_slowdown's series cap (repository × job labels): the largest slowdowns first. */
export const MAX_SLOWDOWN_SERIES = 100;

/** The label that stands for every private repository when their names must not show. */
export const PRIVATE_REPO_LABEL = "private";

export function createMetrics(sources: MetricsSources = {}, options: MetricsOptions = {}) {
  const registry = new Registry();
  const patternLabel = patternLabeller();
  const patternHits = new Counter({
    name: "sift_pattern_hits_total",
    help: `Failed jobs whose verdict came from a pattern; built-in ids, then at most ${MAX_OTHER_PATTERN_LABELS} other ids, the rest pattern="${OTHER_PATTERN_LABEL}".`,
    labelNames: ["pattern"] as const,
    registers: [registry],
  });
  collectDefaultMetrics({ register: registry, prefix: "sift_" });
  const category = boundedLabel(MAX_CATEGORIES);
  const verdicts = new Counter({
    name: "sift_verdicts_total",
    help: `Failed jobs classified, by verdict, category (the first ${MAX_CATEGORIES} distinct ones, then "other") and kind (infrastructure or test).`,
    labelNames: ["verdict", "category", "kind"] as const,
    registers: [registry],
  });
  return {
    registry,
    github: createGitHubMetrics(registry),
    webhooks: new Counter({
      name: "sift_webhooks_total",
      help: "Webhook deliveries handled, by event and outcome (stored, duplicate, ignored, rejected).",
      labelNames: ["event", "outcome"] as const,
      registers: [registry],
    }),
    analyses: new Counter({
      name: "sift_analyses_total",
      help: "Head SHA analyses finished, by conclusion.",
      labelNames: ["conclusion"] as const,
      registers: [registry],
    }),
    verdicts: {
      inc: (labels: Partial<Record<"verdict" | "category" | "kind", string | number>>, value?: number) =>
        verdicts.inc({ ...labels, ...(labels.category === undefined ? {} : { category: category(String(labels.category).toLowerCase()) }) }, value),
    },
    retries: new Counter({
      name: "sift_retries_total",
      help: "Re-runs requested, held or refused, by trigger and status.",
      labelNames: ["trigger", "status"] as const,
      registers: [registry],
    }),
    retryOutcomes: new Counter({
      name: "sift_retry_outcomes_total",
      help: "What requested re-runs produced once their next attempt completed, by trigger (auto, command) and outcome (passed, failed_again, cancelled, other).",
      labelNames: ["trigger", "outcome"] as const,
      registers: [registry],
    }),
    notifications: new Counter({
      name: "sift_notifications_total",
      help: "Slack notifications, by event (default_branch_red, outage, new_cause) and outcome (queued, delivered, retried, given_up).",
      labelNames: ["event", "outcome"] as const,
      registers: [registry],
    }),
    mergeQueueEjections: new Counter({
      name: "sift_merge_queue_ejections_total",
      help: "Merge groups taken out of the merge queue (dequeued, invalidated) after a failure, per cause of those failures.",
      labelNames: ["cause"] as const,
      registers: [registry],
    }),
    backfillRequests: new Counter({
      name: "sift_backfill_requests_total",
      help: "GitHub requests of the webhook backfill, by HTTP status (304: not modified, free of rate limit; error: no answer).",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
    analysisSeconds: new Histogram({
      name: "sift_analysis_duration_seconds",
      help: "Time to analyse one head SHA (logs, classification, report).",
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
    dueToReportSeconds: new Histogram({
      name: "sift_due_to_report_seconds",
      help: "Delay from a head SHA's due time to its check run being written.",
      buckets: [0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60],
      registers: [registry],
    }),
    pendingCommits: new Gauge({
      name: "sift_pending_commits",
      help: "Head SHAs waiting for analysis or being analysed.",
      registers: [registry],
      async collect() {
        if (sources.pendingCommits) this.set(await sources.pendingCommits());
      },
    }),
    defaultBranchRed: new Gauge({
      name: "sift_default_branch_red",
      help: `1 when the latest settled (analysed, or CI finished) commit of the repository's default branch has a genuine or known-problem failure, else 0; repo="${PRIVATE_REPO_LABEL}" counts the private repositories that are red, unless /metrics asks for a token.`,
      labelNames: ["repo"] as const,
      registers: [registry],
      async collect() {
        if (!sources.defaultBranchRed) return;
        const rows = await sources.defaultBranchRed();
        this.reset(); // a repository that was removed must not linger with its last value
        let privateRed = 0;
        let anyPrivate = false;
        for (const r of rows) {
          if (r.private && !options.privateRepoNames) {
            anyPrivate = true;
            privateRed += r.red ? 1 : 0;
          } else this.set({ repo: r.repo }, r.red ? 1 : 0);
        }
        if (anyPrivate) this.set({ repo: PRIVATE_REPO_LABEL }, privateRed);
      },
    }),
    patternHits: { inc: (labels: { pattern?: string | number }, value?: number) => patternHits.inc({ pattern: patternLabel(String(labels.pattern ?? OTHER_PATTERN_LABEL)) }, value ?? 1) },
    patternRescueRate: new Gauge({
      name: "sift_pattern_rescue_rate",
      help: `Share (0-1) of a pattern's concluded automatic re-runs of the last 30 days that passed; labels bounded as sift_pattern_hits_total.`,
      labelNames: ["pattern"] as const,
      registers: [registry],
      async collect() {
        if (!sources.patternRescue) return;
        const byLabel = new Map<string, { reruns: number; passed: number }>();
        for (const r of await sources.patternRescue()) {
          const label = patternLabel(r.pattern);
          const sum = byLabel.get(label) ?? { reruns: 0, passed: 0 };
          byLabel.set(label, { reruns: sum.reruns + r.reruns, passed: sum.passed + r.passed });
        }
        this.reset();
        for (const [pattern, s] of byLabel) if (s.reruns > 0) this.set({ pattern }, s.passed / s.reruns);
      },
    }),
    queueCommits: new Gauge({
      name: "sift_queue_commits",
      help: "Head SHAs in the analysis queue, by state: due (waiting for a worker, or a lapsed lease), cooling (failures seen, due after the cool-off), claimed (a worker holds it).",
      labelNames: ["state"] as const,
      registers: [registry],
      async collect() {
        if (!sources.queue) return;
        const q = await sources.queue();
        for (const state of ["due", "cooling", "claimed"] as const) this.set({ state }, q[state]);
      },
    }),
    repositoryFailures24h: new Gauge({
      name: "sift_repository_failures_24h",
      help: `Failed jobs classified in the last 24 hours, by repository and verdict: the 20 repositories with the most, the rest under repo="other"; private ones under repo="${PRIVATE_REPO_LABEL}" unless /metrics asks for a token.`,
      labelNames: ["repo", "verdict"] as const,
      registers: [registry],
      async collect() {
        if (!sources.repositoryFailures24h) return;
        const bounded = boundRepositories(await sources.repositoryFailures24h(), { privateLabel: PRIVATE_REPO_LABEL, namePrivate: Boolean(options.privateRepoNames) });
        this.reset();
        for (const [repo, verdicts] of bounded) for (const [verdict, n] of verdicts) this.set({ repo, verdict }, n);
      },
    }),
    notificationOutbox: new Gauge({
      name: "sift_notification_outbox",
      help: "Notifications in the outbox: pending (not delivered yet, retrying) and failed (given up).",
      labelNames: ["state"] as const,
      registers: [registry],
      async collect() {
        if (!sources.notificationOutbox) return;
        const o = await sources.notificationOutbox();
        this.set({ state: "pending" }, o.pending);
        this.set({ state: "failed" }, o.failed);
      },
    }),
    failures24h: new Gauge({
      name: "sift_failures_24h",
      help: "Failed jobs classified in the last 24 hours, by kind (infrastructure or test).",
      labelNames: ["kind"] as const,
      registers: [registry],
      async collect() {
        if (!sources.failures24h) return;
        const counts = await sources.failures24h();
        for (const kind of FAILURE_KINDS) this.set({ kind }, counts[kind]);
      },
    }),
    statisticLogs: new Counter({
      name: "sift_statistic_logs_total",
      help: "Successful jobs' logs considered for statistics, by outcome (read, none: no statistic wants it, skipped: hourly budget spent, failed).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    statisticLastValue: new Gauge({
      name: "sift_statistic_last_value",
      help: "The last value of a custom statistic per repository, statistic and group (at most 200 series, the most recent; private repositories only with SIFT_METRICS_TOKEN).",
      labelNames: ["repo", "statistic", "group"] as const,
      registers: [registry],
      async collect() {
        if (!sources.statisticLastValues) return;
        const rows = await sources.statisticLastValues();
        this.reset();
        for (const r of rows) if (!r.private || options.privateRepoNames) this.set({ repo: r.repo, statistic: r.statistic, group: r.group }, r.value);
      },
    }),
    jobSlowdown: new Gauge({
      name: "sift_job_slowdown",
      help: `1 for each job whose recent runs are significantly slower than its baseline (README: Slowdowns); at most ${MAX_SLOWDOWN_SERIES} series, largest slowdowns first; repository="${PRIVATE_REPO_LABEL}" job="${PRIVATE_REPO_LABEL}" counts the private repositories' flagged jobs, unless /metrics asks for a token.`,
      labelNames: ["repository", "job"] as const,
      registers: [registry],
      async collect() {
        if (!sources.jobSlowdowns) return;
        const rows = await sources.jobSlowdowns();
        this.reset();
        let hidden = 0;
        let series = 0;
        for (const r of rows) {
          if (r.private && !options.privateRepoNames) hidden++;
          else if (series++ < MAX_SLOWDOWN_SERIES) this.set({ repository: r.repo, job: r.job }, 1);
        }
        if (hidden) this.set({ repository: PRIVATE_REPO_LABEL, job: PRIVATE_REPO_LABEL }, hidden);
      },
    }),
  };
}

/** The metrics with their registry, for /metrics and tests. */
export type AppMetrics = ReturnType<typeof createMetrics>;

// Compile-time check: what the stages count is what /metrics serves.
export const asModelMetrics: (m: AppMetrics) => Metrics = (m) => m;
