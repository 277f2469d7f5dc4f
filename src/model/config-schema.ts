// The `.github/sift.yml` schema: validator, defaults and documentation in one place. In the model
// because classify/ (patterns), decide/ (retry policy) and config/ (loading) all speak it.
// Semantic checks (does the regex compile under RE2?) happen after parsing, in the classifier.
import { z } from "zod";

const glob = z.string().min(1).max(500);

/** Patterns one file may hold; validate.ts keeps the first ones and reports the rest. */
export const MAX_PATTERNS = 1000;

/**
 * The largest log.max_bytes: the log's tail is decoded into one string of up to this many
 * characters, and V8 strings stop at 2^29 - 24 (1 GiB failed with "Cannot create a string longer
 * than…"); 256 MiB leaves room for the copies normalisation makes.
 */
export const MAX_LOG_BYTES = 256 * 1024 * 1024;
const globs = z.union([glob, z.array(glob).max(100)]).transform((g) => (Array.isArray(g) ? g : [g]));

export const retryPolicySchema = z
  .object({
    enabled: z.boolean().default(true).describe("Re-run jobs that match this pattern automatically."),
    max_attempts: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .describe("Stop re-running once the job's run_attempt reaches this (default: the repo's retry.max_attempts)."),
  })
  .strict();

export const patternSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,99}$/, "letters, digits and _ . : / - only, at most 100")
      .describe("Unique id; a repo pattern with the id of an org or built-in pattern replaces it."),
    regex: z.string().min(1, "must not be empty (an empty pattern matches every line)").max(2000).describe("RE2 regular expression, matched against each line (or the text, with multiline)."),
    class: z.enum(["flaky", "known-problem"]).describe("What a match means."),
    category: z.string().max(100).default("other").describe("A short cause family: network, runner, disk, registry…"),
    description: z.string().max(500).optional().describe("Shown in the report as the cause."),
    unless: z.string().min(1).max(2000).optional().describe("RE2 regex: a match on the same line cancels this pattern."),
    retry: z
      .union([z.boolean(), retryPolicySchema])
      .optional()
      .transform((r) => (typeof r === "boolean" ? { enabled: r } : r))
      .describe("Whether flaky matches are re-run (default true for flaky, never for known-problem)."),
    issue: z.string().url().max(500).optional().describe("Link to the issue that tracks a known problem."),
    scope: z.enum(["step", "log"]).default("step").describe("step: only inside the failing step; log: anywhere."),
    multiline: z.boolean().default(false).describe("Match across lines (the regex sees the step text, with (?s) off)."),
    jobs: globs.optional().describe("Only for jobs whose name matches one of these globs."),
    workflows: globs.optional().describe("Only for workflows whose name matches one of these globs."),
    steps: globs.optional().describe("Only when the failing step's name matches one of these globs."),
    branches: globs.optional().describe("Only on these branches (head branch of the job)."),
    mode: z
      .enum(["observe", "enforce"])
      .optional()
      .describe("observe: evaluated and counted (patterns page, backtests) but it changes no verdict; remove it (or enforce) to promote the pattern."),
  })
  .strict();

/** Statistics one file may hold (config/validate-statistics.ts keeps the first ones and reports the rest). */
export const MAX_STATISTICS = 50;

/** A custom statistic read from job logs: every numeric named group of `regex` is one value per job run. */
export const statisticSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "a slug: lower-case letters, digits, _ and - only, at most 64")
      .describe("Unique slug; a repo statistic with the id of an org statistic replaces it."),
    regex: z
      .string()
      .min(1, "must not be empty")
      .describe("RE2 regular expression with named groups, `bundle: (?P<kb>\\d+) kB`: each named group whose text is a number is a value; the last match of a job wins."),
    jobs: globs.optional().describe("Only jobs whose name matches one of these globs (default: every job)."),
    unit: z.string().max(20).default("").describe("Shown after the values: kB, s, tests…"),
    successful: z
      .boolean()
      .default(false)
      .describe("Also read successful jobs (their logs are downloaded for it, within SIFT_STATISTICS_LOGS_PER_HOUR per repository); else only failed jobs Sift already reads."),
  })
  .strict();

/** Flaky patterns whose re-runs rarely pass stop triggering re-runs (src/decide/demotion.ts). */
export const demoteSchema = z
  .object({
    enabled: z.boolean().default(true).describe("Stop automatic re-runs for flaky patterns whose re-runs rarely pass."),
    min_rescue_rate: z
      .number()
      .min(0)
      .max(1)
      .default(0.3)
      .describe("A flaky pattern whose automatic re-runs pass less often than this (0–1) is demoted: it still classifies, but triggers no re-run."),
    min_reruns: z.number().int().min(1).max(1000).default(10).describe("Only patterns with at least this many concluded automatic re-runs (last 30 days) can be demoted."),
    promote: z
      .array(z.string().min(1).max(100))
      .max(1000)
      .default([])
      .describe("Pattern ids a maintainer promoted back: they trigger re-runs whatever their rescue rate."),
  })
  .strict()
  .default({ enabled: true, min_rescue_rate: 0.3, min_reruns: 10, promote: [] });

export const configSchema = z
  .object({
    builtins: z
      .union([z.boolean(), z.object({ disable: z.array(z.string()).default([]) }).strict()])
      .default(true)
      .describe("Use Sift's built-in library (true), none (false), or all but some ids ({disable: [...]})."),
    patterns: z.array(patternSchema).max(MAX_PATTERNS).default([]).describe("Your patterns; repo first, then org, then built-ins."),
    retry: z
      .object({
        enabled: z.boolean().default(true).describe("Re-run flaky jobs automatically."),
        max_attempts: z.number().int().min(1).max(10).default(3).describe("A job is not re-run once its run_attempt reaches this."),
        budget_per_hour: z.number().int().min(0).max(10_000).default(20).describe("At most this many automatic re-runs per repository per hour."),
        backoff_seconds: z
          .number()
          .int()
          .min(0)
          .max(86_400)
          .optional()
          .describe("Backoff base: the first re-run goes at once, the second base seconds after the failure, then 2×base… (default: SIFT_RETRY_BACKOFF_SECONDS, 60)."),
        exclude_workflows: z
          .array(glob)
          .default(["*deploy*", "*release*", "*publish*"])
          .describe("Workflows (globs, case-insensitive) never re-run automatically."),
      })
      .strict()
      .default({ enabled: true, max_attempts: 3, budget_per_hour: 20, exclude_workflows: ["*deploy*", "*release*", "*publish*"] }),
    flaky_tests: z
      .array(z.string().min(1).max(300))
      .max(500)
      .default([])
      .describe(
        "Tests declared flaky: globs over failing test ids as the runner prints them (`tests/test_x.py::TestX::*`, `Cart › *`) or over their files (`src/legacy/**`). A failure whose every failing test is declared flaky is flaky and re-run, unless the pull request changes the test's file.",
      ),
    evidence: z
      .object({
        enabled: z.boolean().default(true).describe("Call a failing test flaky when re-runs at the same commit show it is (flips)."),
        min_flips: z
          .number()
          .int()
          .min(1)
          .max(20)
          .default(2)
          .describe("A failing test (or, without a test id, the same failure of the same job) that failed and then passed on a re-run at the same commit on at least this many distinct commits is flaky by evidence."),
        window_days: z.number().int().min(1).max(365).default(30).describe("Only flips of the last window_days days count."),
      })
      .strict()
      .default({ enabled: true, min_flips: 2, window_days: 30 }),
    backtest: z
      .object({
        days: z.number().int().min(1).max(365).default(30).describe("A pull request changing this file is backtested over the stored failures of the last `days` days (at most SIFT_KEEP_DAYS are stored)."),
      })
      .strict()
      .default({ days: 30 }),
    log: z
      .object({
        max_bytes: z
          .number()
          .int()
          .min(64 * 1024)
          .max(MAX_LOG_BYTES)
          .default(64 * 1024 * 1024)
          .describe("Only the last max_bytes of a log are read (failures are at the end); at most 256 MiB."),
      })
      .strict()
      .default({ max_bytes: 64 * 1024 * 1024 }),
    notifications: z
      .object({
        default_branch_red: z.boolean().default(true).describe("Notify when the default branch turns red for a genuine failure (once per broken period)."),
        outage: z.boolean().default(true).describe("Notify when an outage of one infrastructure cause is detected (once per episode)."),
        new_cause: z.boolean().default(true).describe("Notify when a new failure signature recurs: first seen in the last 7 days, on at least 3 jobs of at least 2 pull requests."),
      })
      .strict()
      .default({ default_branch_red: true, outage: true, new_cause: true })
      .describe("Which events go to the operator's Slack webhook (SIFT_SLACK_WEBHOOK_URL); the URL itself never comes from the repository."),
    demote: demoteSchema,
    statistics: z.array(statisticSchema).max(MAX_STATISTICS).default([]).describe("Numbers read from job logs and charted per day (repo first, then org, combined by id)."),
  })
  .strict();

export type PatternInput = z.input<typeof patternSchema>;
export type Pattern = z.output<typeof patternSchema>;
export type SiftConfig = z.output<typeof configSchema>;
export type SiftConfigInput = z.input<typeof configSchema>;

/** The repository's `retry` settings. */
export type RetryPolicy = SiftConfig["retry"];

export type StatisticInput = z.input<typeof statisticSchema>;
export type Statistic = z.output<typeof statisticSchema>;

export type PatternOrigin = "repo" | "org" | "builtin";

/** A pattern and the layer it came from (repo, org defaults, built-in library). */
export interface SourcedPattern {
  pattern: Pattern;
  origin: PatternOrigin;
}
