import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SettingsError, readSettings } from "../src/settings.js";

const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();

describe("readSettings", () => {
  it("defaults to an embedded database in ./data, port 3000 and github.com", () => {
    const s = readSettings({});
    expect(s).toMatchObject({ port: 3000, dataDir: "./data", databaseUrl: undefined, githubApiUrl: "https://api.github.com", coolOffSeconds: 180 });
    expect(s.maxWaitSeconds).toBeGreaterThanOrEqual(s.coolOffSeconds);
  });

  it("refuses App credentials without a webhook secret (Probot would accept the secret 'development')", () => {
    expect(() => readSettings({ APP_ID: "1", PRIVATE_KEY: pem })).toThrow(/WEBHOOK_SECRET is required/);
    expect(() => readSettings({ APP_ID: "1", PRIVATE_KEY: pem, WEBHOOK_SECRET: "development" })).toThrow(SettingsError);
    expect(readSettings({ APP_ID: "1", PRIVATE_KEY: pem, WEBHOOK_SECRET: "s3cret" }).appId).toBe(1);
  });

  it("accepts a base64-encoded or \\n-escaped private key", () => {
    const b64 = Buffer.from(pem).toString("base64");
    expect(readSettings({ APP_ID: "1", PRIVATE_KEY: b64, WEBHOOK_SECRET: "x" }).privateKey).toBe(pem);
    expect(readSettings({ APP_ID: "1", PRIVATE_KEY: pem.replace(/\n/g, "\\n"), WEBHOOK_SECRET: "x" }).privateKey).toBe(pem);
    expect(() => readSettings({ APP_ID: "1", PRIVATE_KEY: "nope", WEBHOOK_SECRET: "x" })).toThrow(/PRIVATE_KEY/);
  });

  it("points at GitHub Enterprise Server through GHE_HOST and GHE_PROTOCOL", () => {
    const s = readSettings({ GHE_HOST: "127.0.0.1:8080", GHE_PROTOCOL: "http" });
    expect(s.githubApiUrl).toBe("http://127.0.0.1:8080/api/v3");
    expect(s.githubWebUrl).toBe("http://127.0.0.1:8080");
  });

  it("keeps history 400 days unless SIFT_HISTORY_DAYS says otherwise (0: forever)", () => {
    expect(readSettings({}).historyDays).toBe(400);
    expect(readSettings({ SIFT_HISTORY_DAYS: "0" }).historyDays).toBe(0);
    expect(readSettings({ SIFT_HISTORY_DAYS: "120" }).historyDays).toBe(120);
    expect(() => readSettings({ SIFT_HISTORY_DAYS: "-1" })).toThrow(/SIFT_HISTORY_DAYS/);
  });

  it("reads the re-run backoff base, 60 s by default and 0 allowed", () => {
    expect(readSettings({}).retryBackoffSeconds).toBe(60);
    expect(readSettings({ SIFT_RETRY_BACKOFF_SECONDS: "0" }).retryBackoffSeconds).toBe(0);
    expect(readSettings({ SIFT_RETRY_BACKOFF_SECONDS: "2" }).retryBackoffSeconds).toBe(2);
    expect(() => readSettings({ SIFT_RETRY_BACKOFF_SECONDS: "-1" })).toThrow(/SIFT_RETRY_BACKOFF_SECONDS/);
  });

  it("names the variable when a value is wrong", () => {
    expect(() => readSettings({ SIFT_COOL_OFF_SECONDS: "soon" })).toThrow(/SIFT_COOL_OFF_SECONDS/);
    expect(() => readSettings({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("caps webhook bodies at 25 MiB unless SIFT_MAX_WEBHOOK_BYTES says otherwise; SIFT_METRICS_TOKEN is optional", () => {
    expect(readSettings({})).toMatchObject({ maxWebhookBytes: 25 * 1024 * 1024, metricsToken: undefined });
    expect(readSettings({ SIFT_MAX_WEBHOOK_BYTES: "1048576", SIFT_METRICS_TOKEN: "t" })).toMatchObject({ maxWebhookBytes: 1048576, metricsToken: "t" });
    expect(() => readSettings({ SIFT_MAX_WEBHOOK_BYTES: "10" })).toThrow(/SIFT_MAX_WEBHOOK_BYTES/);
  });

  it("bounds classification: threads default to the pool's choice, 120 s per log unless set", () => {
    expect(readSettings({})).toMatchObject({ classifyThreads: undefined, classifyTimeoutSeconds: 120 });
    expect(readSettings({})).toMatchObject({ requiredTimeoutMinutes: 60, requiredCheck: false, backfillMinutes: 10 });
    expect(readSettings({ SIFT_REQUIRED_TIMEOUT_MINUTES: "0.5", SIFT_REQUIRED_CHECK: "true", SIFT_BACKFILL_MINUTES: "0" })).toMatchObject({ requiredTimeoutMinutes: 0.5, requiredCheck: true, backfillMinutes: 0 });
    expect(() => readSettings({ SIFT_REQUIRED_CHECK: "maybe" })).toThrow(/SIFT_REQUIRED_CHECK must be true or false/);
    expect(() => readSettings({ SIFT_BACKFILL_MINUTES: "-1" })).toThrow(/SIFT_BACKFILL_MINUTES must be a number of minutes/);
    expect(readSettings({ SIFT_CLASSIFY_THREADS: "3", SIFT_CLASSIFY_TIMEOUT_SECONDS: "30" })).toMatchObject({ classifyThreads: 3, classifyTimeoutSeconds: 30 });
    expect(() => readSettings({ SIFT_CLASSIFY_THREADS: "0" })).toThrow(/SIFT_CLASSIFY_THREADS/);
    expect(() => readSettings({ SIFT_CLASSIFY_TIMEOUT_SECONDS: "0" })).toThrow(/SIFT_CLASSIFY_TIMEOUT_SECONDS/);
  });
});
