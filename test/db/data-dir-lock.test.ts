// The embedded database's folder with real processes: one process at a time however the lock file
// is tampered with, and /healthz tells when the folder is gone from under a running process.
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { freePort, spawnSift, waitFor, type SiftProcess } from "../helpers/spawn-sift.js";
import { sha, workflowJobPayload } from "../helpers/payloads.js";
import { sendWebhook } from "../helpers/webhooks.js";

const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const SECRET = "data-dir-test";
const started: SiftProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const p of started.splice(0)) {
    if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await p.exited;
  }
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A serving Sift (credentials, no GitHub reachable, nothing scheduled to call it) on `dir`. */
async function serve(dir: string): Promise<{ proc: SiftProcess; base: string }> {
  const port = freePort();
  const proc = spawnSift({
    SIFT_DATA_DIR: dir,
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_ID: "1",
    PRIVATE_KEY: pem,
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: "127.0.0.1:9",
    GHE_PROTOCOL: "http",
    SIFT_RECONCILE_INTERVAL_SECONDS: "0",
  });
  started.push(proc);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (proc.child.exitCode !== null) throw new Error(proc.output());
    return (await fetch(`${base}/healthz`)).ok ? true : undefined;
  }, 60_000, `sift on ${dir}`);
  return { proc, base };
}

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "sift-lock-"));
  dirs.push(dir);
  return dir;
}

it("refuses a second process on the same SIFT_DATA_DIR even after sift.pid was removed", async () => {
  const dir = await dataDir();
  const first = await serve(dir);
  expect(Number(await readFile(join(dir, "sift.pid"), "utf8"))).toBe(first.proc.child.pid);
  await rm(join(dir, "sift.pid"));
  const second = spawnSift({ SIFT_DATA_DIR: dir, PORT: String(freePort()) });
  started.push(second);
  expect(await second.exited).toBe(1);
  expect(second.output().trim()).toMatch(new RegExp(`^sift: SIFT_DATA_DIR: .* is in use by process ${first.proc.child.pid};`));
  expect((await fetch(`${first.base}/healthz`)).status).toBe(200); // the lock is still the first's
}, 120_000);

it("answers /healthz 503 and refuses webhooks (5xx, for a redelivery) once SIFT_DATA_DIR is deleted from under it", async () => {
  const dir = await dataDir();
  const first = await serve(dir);
  const webhook = (n: number) => sendWebhook(`${first.base}/api/github/webhooks`, "workflow_job", workflowJobPayload({ id: n, sha: sha(n) }), { secret: SECRET });
  expect((await webhook(1)).status).toBe(200);
  await rm(dir, { recursive: true, force: true });
  const res = await fetch(`${first.base}/healthz`);
  expect(res.status).toBe(503);
  expect(await res.text()).toMatch(/SIFT_DATA_DIR .* (is gone|was replaced)/);
  expect((await webhook(2)).status).toBeGreaterThanOrEqual(500); // not acknowledged into a vanished database
}, 120_000);

it("starts over a stale sift.pid that names a live, unrelated process (a pid reused after a restart)", async () => {
  const dir = await dataDir();
  await writeFile(join(dir, "sift.pid"), String(process.pid)); // alive, and not a Sift holding the folder
  const sift = await serve(dir);
  expect(Number(await readFile(join(dir, "sift.pid"), "utf8"))).toBe(sift.proc.child.pid);
}, 120_000);
