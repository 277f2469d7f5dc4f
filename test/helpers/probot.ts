// A fresh Probot + Sift per test, served over HTTP on a free port, with retry and throttling off
// (the FUNCTION form of ProbotOctokit.defaults; the object form leaves throttling on) and every log
// line captured for assertions.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { beforeEach } from "vitest";
import { Probot, ProbotOctokit, createNodeMiddleware } from "probot";
import type { Database } from "../../src/db/index.js";
import { sift, type AppDeps, type SiftApp } from "../../src/index.js";
import { readSettings, type Settings } from "../../src/settings.js";
import { createMetrics } from "../../src/web/metrics/metrics.js";
import { testPrivateKey } from "./keys.js";
import { sendWebhook } from "./webhooks.js";

export const TEST_APP_ID = 4242;
export const TEST_SECRET = "test-webhook-secret";

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export function captureLogger(level = "debug") {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString().split("\n")) if (text) lines.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  return { log: pino({ level }, stream), lines, errors: () => lines.filter((l) => l.level >= 50) };
}

export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    // The example payloads' jobs completed years ago: the history purge would take them mid-test
    // (it is tested on its own, test/keep/purge-history.db.test.ts).
    ...readSettings({ APP_ID: String(TEST_APP_ID), PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: TEST_SECRET, SIFT_PUBLIC_URL: "https://sift.test", SIFT_HISTORY_DAYS: "0" }),
    ...overrides,
  };
}

export interface TestApp {
  probot: Probot;
  sift: SiftApp;
  settings: Settings;
  url: string;
  logs: ReturnType<typeof captureLogger>;
  deliver(event: string, payload: unknown, opts?: { id?: string; signature?: string }): Promise<{ status: number; id: string; body: string }>;
  close(): Promise<void>;
}

export async function startTestApp(
  db: Database,
  opts: { settings?: Partial<Settings> } & Omit<Partial<AppDeps>, "db" | "settings"> = {},
): Promise<TestApp> {
  const settings = testSettings(opts.settings);
  const logs = captureLogger();
  const probot = new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.githubApiUrl,
    Octokit: TestOctokit,
    log: logs.log,
  });
  const app = sift({ worker: false, metrics: createMetrics(), ...opts, db, settings, log: logs.log });
  const middleware = await createNodeMiddleware(app.appFn, { probot });
  const server: Server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  return {
    probot,
    sift: app,
    settings,
    url,
    logs,
    deliver: (event, payload, o = {}) => sendWebhook(url, event, payload, { secret: TEST_SECRET, ...o }),
    close: async () => {
      await app.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A fresh test app per test on the test's database (closed after it), and `receive`: a webhook
 * handled in process (probot.receive, no HTTP), each with a new delivery id.
 */
export function useTestApp(db: () => Database): {
  app: () => TestApp;
  receive(name: string, payload: unknown): Promise<void>;
  /** Replaces this test's app by one started with `opts`. */
  restart(opts: Parameters<typeof startTestApp>[1]): Promise<void>;
} {
  let app: TestApp | undefined;
  let deliveries = 0;
  beforeEach(async () => {
    app = await startTestApp(db());
    return () => app?.close();
  });
  const current = () => {
    if (!app) throw new Error("useTestApp: no app outside a test");
    return app;
  };
  return {
    app: current,
    receive: (name, payload) => current().probot.receive({ id: `d-${++deliveries}`, name, payload } as never),
    restart: async (opts) => {
      await current().close();
      app = await startTestApp(db(), opts);
    },
  };
}
