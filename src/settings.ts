// Every environment variable Sift reads, parsed once at start. README's table mirrors this file.
import { readFileSync } from "node:fs";

export interface Settings {
  port: number;
  host: string | undefined;
  /** PostgreSQL connection string; when absent, embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  appId: number | undefined;
  privateKey: string | undefined;
  webhookSecret: string | undefined;
  /** Base URL of the REST API (GitHub.com, or GitHub Enterprise Server through GHE_HOST). */
  githubApiUrl: string;
  /** Base URL of the web UI (for links to jobs and issues). */
  githubWebUrl: string;
  /** Where Sift's pages are reachable from a browser (details_url of check runs). */
  publicUrl: string;
  /** Signs page links of private repositories. */
  pageSecret: string;
  coolOffSeconds: number;
  maxWaitSeconds: number;
  concurrency: number;
  concurrencyPerInstallation: number;
  reconcileIntervalSeconds: number;
  /** Base of the exponential backoff between automatic re-runs (a repo's retry.backoff_seconds wins). */
  retryBackoffSeconds: number;
  /** How long a claim on a SHA lasts unless renewed (renewed every third of it). */
  leaseSeconds: number;
  /** A GitHub request (API or log storage) that sends nothing for this long is abandoned. */
  githubTimeoutSeconds: number;
  /** After an analysis failed (GitHub or the database erred), the SHA is tried again this much later. */
  retrySeconds: number;
  /** Webhook bodies over this many bytes are refused with 413 before they are read. */
  maxWebhookBytes: number;
  /** When set, /metrics asks for it as a bearer token and names private repositories too. */
  metricsToken: string | undefined;
  /** Bytes of each failed job's failing-step tail kept for re-classification (0: none). */
  keepBytes: number;
  /** Days the kept text stays; then only the verdict does. */
  keepDays: number;
  /** Days jobs, commits and the rollups' days are kept (0: forever). */
  historyDays?: number;
  /** Worker threads classifying logs; undefined: one less than the cores, at most 2. */
  classifyThreads: number | undefined;
  /** A log not classified within this long is genuine, with the reason. */
  classifyTimeoutSeconds: number;
  /** Successful jobs' logs read per repository per hour for `successful: true` statistics (0: none). */
  statisticsLogsPerHour?: number;
  /** The App's OAuth client (Sign in with GitHub for org pages); without it nobody can sign in. */
  githubClientId: string | undefined;
  githubClientSecret: string | undefined;
  /** The operator's Slack-compatible incoming webhook (a secret); undefined: no notifications. */
  slackWebhookUrl: string | undefined;
  /** The longest the Sift check run waits in progress for jobs and re-runs before it concludes (0: no limit). */
  requiredTimeoutMinutes: number;
  /** Sift is a required check: PR heads get a check run even when nothing fails. */
  requiredCheck: boolean;
  /** How often recent workflow runs, check runs and statuses are compared with what webhooks brought (0: never). */
  backfillMinutes: number;
}

export class SettingsError extends Error {
  override name = "SettingsError";
}

type Env = Record<string, string | undefined>;

/** SIFT_HISTORY_DAYS by default: past the longest window anything reads (flaky evidence, 365 days; pages, 90). */
export const DEFAULT_HISTORY_DAYS = 400;

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new SettingsError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

/** Minutes, fractions allowed (tests shorten intervals to seconds). */
function minutes(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new SettingsError(`${name} must be a number of minutes ≥ 0, got "${raw}"`);
  return n;
}

function flag(env: Env, name: string): boolean {
  const raw = (env[name] ?? "").toLowerCase();
  if (["", "0", "false", "no", "off"].includes(raw)) return false;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  throw new SettingsError(`${name} must be true or false, got "${env[name]}"`);
}

function privateKeyFrom(env: Env): string | undefined {
  if (env.PRIVATE_KEY) {
    const key = env.PRIVATE_KEY.replace(/\\n/g, "\n");
    if (key.includes("-----BEGIN")) return key;
    const decoded = Buffer.from(key, "base64").toString("utf8"); // keys are often base64-encoded for one-line env files
    if (decoded.includes("-----BEGIN")) return decoded;
    throw new SettingsError("PRIVATE_KEY is neither a PEM key nor a base64-encoded one");
  }
  if (env.PRIVATE_KEY_PATH) {
    try {
      return readFileSync(env.PRIVATE_KEY_PATH, "utf8");
    } catch (err) {
      throw new SettingsError(`PRIVATE_KEY_PATH: cannot read ${env.PRIVATE_KEY_PATH}: ${(err as Error).message}`);
    }
  }
  return undefined;
}

/** SIFT_SLACK_WEBHOOK_URL, or the file SIFT_SLACK_WEBHOOK_URL_FILE names (a mounted secret). Never logged. */
function slackWebhookFrom(env: Env): string | undefined {
  let url = env.SIFT_SLACK_WEBHOOK_URL?.trim();
  if (!url && env.SIFT_SLACK_WEBHOOK_URL_FILE) {
    try {
      url = readFileSync(env.SIFT_SLACK_WEBHOOK_URL_FILE, "utf8").trim();
    } catch (err) {
      throw new SettingsError(`SIFT_SLACK_WEBHOOK_URL_FILE: cannot read ${env.SIFT_SLACK_WEBHOOK_URL_FILE}: ${(err as NodeJS.ErrnoException).code ?? "error"}`);
    }
  }
  if (!url) return undefined;
  if (!/^https?:\/\/[^/\s]+\/\S*$/i.test(url)) throw new SettingsError("SIFT_SLACK_WEBHOOK_URL must be an http(s) URL (its value is not shown: it is a secret)");
  return url;
}

export function readSettings(env: Env = process.env): Settings {
  const appId = env.APP_ID ? int(env, "APP_ID", 0, 1) : undefined;
  const privateKey = privateKeyFrom(env);
  const webhookSecret = env.WEBHOOK_SECRET || undefined;
  if ((appId || privateKey) && !webhookSecret) {
    // Probot would fall back to the secret "development" and accept deliveries anyone can sign.
    throw new SettingsError("WEBHOOK_SECRET is required when APP_ID or PRIVATE_KEY is set");
  }
  if (webhookSecret === "development") throw new SettingsError('WEBHOOK_SECRET must not be "development"');
  const protocol = env.GHE_PROTOCOL || "https";
  const githubApiUrl = env.GHE_HOST ? `${protocol}://${env.GHE_HOST}/api/v3` : "https://api.github.com";
  const githubWebUrl = env.GHE_HOST ? `${protocol}://${env.GHE_HOST}` : "https://github.com";
  const port = int(env, "PORT", 3000);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new SettingsError("DATABASE_URL must be a postgres:// or postgresql:// connection string");
  }
  const coolOffSeconds = int(env, "SIFT_COOL_OFF_SECONDS", 180);
  return {
    port,
    host: env.HOST || undefined,
    databaseUrl,
    dataDir: env.SIFT_DATA_DIR || "./data",
    appId,
    privateKey,
    webhookSecret,
    githubApiUrl,
    githubWebUrl,
    publicUrl: (env.SIFT_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ""),
    pageSecret: env.SIFT_PAGE_SECRET || webhookSecret || "",
    coolOffSeconds,
    maxWaitSeconds: int(env, "SIFT_MAX_WAIT_SECONDS", Math.max(900, coolOffSeconds)),
    concurrency: int(env, "SIFT_CONCURRENCY", 8, 1),
    concurrencyPerInstallation: int(env, "SIFT_CONCURRENCY_PER_INSTALLATION", 2, 1),
    reconcileIntervalSeconds: int(env, "SIFT_RECONCILE_INTERVAL_SECONDS", 600),
    retryBackoffSeconds: int(env, "SIFT_RETRY_BACKOFF_SECONDS", 60),
    leaseSeconds: int(env, "SIFT_LEASE_SECONDS", 60, 3),
    githubTimeoutSeconds: int(env, "SIFT_GITHUB_TIMEOUT_SECONDS", 30, 1),
    retrySeconds: int(env, "SIFT_RETRY_SECONDS", 60, 1),
    maxWebhookBytes: int(env, "SIFT_MAX_WEBHOOK_BYTES", 25 * 1024 * 1024, 1024),
    metricsToken: env.SIFT_METRICS_TOKEN || undefined,
    keepBytes: int(env, "SIFT_KEEP_BYTES", 256 * 1024),
    keepDays: int(env, "SIFT_KEEP_DAYS", 30, 1),
    historyDays: int(env, "SIFT_HISTORY_DAYS", DEFAULT_HISTORY_DAYS),
    classifyThreads: env.SIFT_CLASSIFY_THREADS ? int(env, "SIFT_CLASSIFY_THREADS", 1, 1) : undefined,
    classifyTimeoutSeconds: int(env, "SIFT_CLASSIFY_TIMEOUT_SECONDS", 120, 1),
    statisticsLogsPerHour: int(env, "SIFT_STATISTICS_LOGS_PER_HOUR", 60),
    githubClientId: env.GITHUB_CLIENT_ID || undefined,
    githubClientSecret: env.GITHUB_CLIENT_SECRET || undefined,
    slackWebhookUrl: slackWebhookFrom(env),
    requiredTimeoutMinutes: minutes(env, "SIFT_REQUIRED_TIMEOUT_MINUTES", 60),
    requiredCheck: flag(env, "SIFT_REQUIRED_CHECK"),
    backfillMinutes: minutes(env, "SIFT_BACKFILL_MINUTES", 10),
  };
}
