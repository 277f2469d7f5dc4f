// Starts the real server process against the GitHub double and sends it signed webhooks over HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { freePort, spawnSift, waitFor, type SiftProcess } from "../helpers/spawn-sift.js";
import { testPrivateKey } from "../helpers/keys.js";
import { INSTALLATION_ID, REPO } from "../helpers/payloads.js";
import { sendWebhook } from "../helpers/webhooks.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { ensureBuilt } from "./build.js";

export const SECRET = "e2e-webhook-secret";

export interface RunningSift {
  proc: SiftProcess;
  base: string;
  deliver(event: string, payload: unknown, opts?: { id?: string; signature?: string }): ReturnType<typeof sendWebhook>;
  /** JSON log lines of the process so far. */
  logs(): { level: number; msg: string }[];
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "sift-e2e-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `env.PORT` picks the port (a test that needs SIFT_PUBLIC_URL to reach this server picks it first with freePort()). */
export async function startSift(gh: GitHubDouble, env: Record<string, string>): Promise<RunningSift> {
  const port = env.PORT ? Number(env.PORT) : freePort();
  const proc = spawnSift({
    PORT: String(port),
    HOST: "127.0.0.1",
    GHE_HOST: gh.host,
    GHE_PROTOCOL: "http",
    APP_ID: String(gh.state.appId),
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET: SECRET,
    SIFT_COOL_OFF_SECONDS: "1",
    SIFT_PUBLIC_URL: "https://sift.e2e",
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (proc.child.exitCode !== null) throw new Error(`sift exited: ${proc.output()}`);
      return (await fetch(`${base}/healthz`)).ok ? true : undefined;
    },
    60_000,
    "sift /healthz",
  ).catch((err: Error) => {
    proc.child.kill("SIGKILL");
    throw new Error(`${err.message}\n${proc.output()}`);
  });
  const logs = () =>
    proc
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { level: number; msg: string });
  return {
    proc,
    base,
    deliver: (event, payload, opts = {}) => sendWebhook(`${base}/api/github/webhooks`, event, payload, { secret: SECRET, ...opts }),
    logs,
    stop: async () => {
      if (proc.child.exitCode !== null) return;
      proc.child.kill("SIGTERM");
      await proc.exited;
    },
    kill9: async () => {
      proc.child.kill("SIGKILL");
      await proc.exited;
    },
  };
}

/**
 * For the whole test file: the built server, the GitHub double with the test installation (then
 * `prepare`, before Sift starts), and Sift against it (with `env` added to its environment) in a temporary data folder; all torn down after.
 * Registers the vitest hooks; the getters give the running parts inside tests.
 */
export function useSiftWithDouble(prepare?: (gh: GitHubDouble) => void, env: Record<string, string> = {}): { gh: () => GitHubDouble; sift: () => RunningSift } {
  let gh: GitHubDouble | undefined;
  let sift: RunningSift | undefined;
  const data = tempDataDir();
  beforeAll(async () => {
    await ensureBuilt();
    gh = await startGitHubDouble();
    gh.state.installations.set(INSTALLATION_ID, { id: INSTALLATION_ID, account: { login: REPO.owner, type: "Organization" } });
    prepare?.(gh);
    sift = await startSift(gh, { SIFT_DATA_DIR: data.dir, ...env });
  }, 240_000);
  afterAll(async () => {
    await sift?.stop();
    await gh?.close();
    data.remove();
  });
  const started = <T>(part: T | undefined, name: string): T => {
    if (part === undefined) throw new Error(`useSiftWithDouble: ${name} runs only inside tests`);
    return part;
  };
  return { gh: () => started(gh, "the GitHub double"), sift: () => started(sift, "Sift") };
}
