// What stages count. web/metrics/metrics.ts implements it with prom-client and serves /metrics; stages only
// see this interface, so the model does not depend on the web layer.
export interface CounterOf<L extends string> {
  inc(labels: Partial<Record<L, string | number>>, value?: number): void;
}

export interface HistogramLike {
  observe(value: number): void;
  startTimer(): () => void;
}

export interface Metrics {
  webhooks: CounterOf<"event" | "outcome">;
  analyses: CounterOf<"conclusion">;
  verdicts: CounterOf<"verdict" | "category" | "kind">;
  retries: CounterOf<"trigger" | "status">;
  /** A requested re-run's next attempt: passed, failed_again, cancelled, other. */
  retryOutcomes: CounterOf<"trigger" | "outcome">;
  notifications: CounterOf<"event" | "outcome">;
  analysisSeconds: HistogramLike;
  dueToReportSeconds: HistogramLike;
  /** Merge groups ejected from the queue after a failure, per cause (genuine, flaky, known-problem, timed-out, unanalysed). */
  mergeQueueEjections?: CounterOf<"cause">;
  /** Backfill requests to GitHub, by HTTP status (304s do not count against the rate limit). */
  backfillRequests?: CounterOf<"status">;
  /** Failed jobs whose verdict came from a pattern (label values bounded by web/metrics/pattern-label.ts). */
  patternHits?: CounterOf<"pattern">;
}

