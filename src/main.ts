// `npm start`: read settings, open and migrate the database, then serve.
// Without GitHub App credentials, Probot's setup flow registers the App from app.yml.
import { Probot, Server, run } from "probot";
import type { Logger } from "pino";
import { migrate, openDatabase, DatabaseError } from "./db/index.js";
import { createLogger } from "./log.js";
import { SettingsError, readSettings } from "./settings.js";
import { ProvidersFileError, allProviders, createProviderRegistry, loadCredentialStore } from "./providers/index.js";
import { createAppMetrics, sift } from "./index.js";
import { siftOctokit, stallingFetch } from "./octokit.js";
import { createWebhookGate, gateRequests } from "./web/webhook-gate.js";

async function main(): Promise<void> {
  loadDotEnv();
  const settings = readSettings();
  const log = await createLogger();
  const db = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  const applied = await migrate(db.sql);
  log.info(`database: ${db.kind} at ${db.where}${applied.length ? `, applied ${applied.join(", ")}` : ""}`);

  if (!settings.appId || !settings.privateKey) {
    log.info("no APP_ID/PRIVATE_KEY: starting Probot's setup flow to register the GitHub App");
    // The setup flow only writes .env; restart once it is done. The database stays open (and
    // SIFT_DATA_DIR locked) so that a second process cannot share it meanwhile.
    const server = await run(() => {});
    onSignals(log, async () => {
      await server.stop();
      await db.close();
    });
    return;
  }

  const providers = createProviderRegistry({ providers: allProviders, credentials: loadCredentialStore(process.env) });
  const metrics = createAppMetrics(db, settings);
  const app = sift({ db, settings, log, providers, metrics });
  const server = new Server({
    host: settings.host,
    port: settings.port,
    log,
    Probot: Probot.defaults({
      appId: settings.appId,
      privateKey: settings.privateKey,
      secret: settings.webhookSecret,
      baseUrl: settings.githubApiUrl,
      Octokit: siftOctokit(settings.githubTimeoutSeconds * 1000, metrics.github),
      request: { fetch: stallingFetch(settings.githubTimeoutSeconds * 1000) },
      log,
    }),
  });
  await server.load(app.appFn);
  const httpServer = await server.start();
  // Before Probot's middleware reads a byte: size limit, signature, one bounded line per refusal.
  const gate = createWebhookGate({ path: "/api/github/webhooks", secret: settings.webhookSecret ?? "", maxBytes: settings.maxWebhookBytes, log });
  gateRequests(httpServer, gate, log);

  // SIGTERM: stop taking webhooks and work together, give running analyses a grace period, hand the
  // rest back (due now, for the next process), close the database; all within SHUTDOWN_MS.
  onSignals(log, async () => {
    await Promise.all([
      server.stop().catch((err: unknown) => log.error({ err }, "server stop")),
      app.stop().catch((err: unknown) => log.error({ err }, "worker stop")),
    ]);
    await db.close().catch((err: unknown) => log.error({ err }, "database close"));
  });
}

/** `docker stop` kills after 10 s: exit before, leases handed back. */
const SHUTDOWN_MS = 9_000;

function onSignals(log: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    setTimeout(() => {
      log.error(`${signal}: not stopped after ${SHUTDOWN_MS} ms, exiting anyway (unreleased leases lapse)`);
      process.exit(1);
    }, SHUTDOWN_MS).unref();
    await stop();
    log.info(`${signal}: stopped`);
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

function loadDotEnv(): void {
  try {
    process.loadEnvFile(); // .env written by the setup flow; real environment variables win
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof SettingsError || err instanceof DatabaseError || err instanceof ProvidersFileError) {
    console.error(`sift: ${err.message}`);
  } else {
    console.error("sift: failed to start:", err);
  }
  process.exit(1);
});
