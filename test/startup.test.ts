// `npm start` as a new user meets it: the built server process, not the app function.
import { generateKeyPairSync } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, repoRoot, spawnSift, waitFor } from "./helpers/spawn-sift.js";

const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "sift-start-"));
}

describe("starting Sift", () => {
  it("without credentials serves Probot's setup page from app.yml and creates the embedded database", async () => {
    const cwd = await tempDir();
    await cp(join(repoRoot, "app.yml"), join(cwd, "app.yml"));
    await writeFile(join(cwd, "package.json"), JSON.stringify({ name: "sift-setup-test", version: "0.0.0" }));
    const port = freePort();
    const sift = spawnSift({ PORT: String(port), SIFT_DATA_DIR: join(cwd, "data") }, cwd);
    try {
      const page = await waitFor(async () => {
        const res = await fetch(`http://localhost:${port}/probot`);
        return res.ok ? res.text() : undefined;
      }, 60_000, "the setup page");
      expect(page).toMatch(/Register GitHub App/i);
      expect(page).toContain("Sift"); // the manifest's name, from app.yml
      expect(existsSync(join(cwd, "data", "pglite", "PG_VERSION"))).toBe(true);
    } finally {
      sift.child.kill("SIGTERM");
      await sift.exited;
    }
  }, 90_000);

  it("exits with one line naming DATABASE_URL when PostgreSQL is not there", async () => {
    const sift = spawnSift({ DATABASE_URL: "postgres://sift:hunter2@127.0.0.1:1/sift" });
    expect(await sift.exited).toBe(1);
    const lines = sift.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sift: DATABASE_URL: cannot connect to postgres:\/\/sift:\*\*\*@127\.0\.0\.1:1\/sift: .*ECONNREFUSED/);
    expect(sift.output()).not.toContain("hunter2");
  });

  it("gives a clear error for a corrupt SIFT_DATA_DIR", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "pglite"));
    await writeFile(join(dir, "pglite", "PG_VERSION"), "not a version\n");
    const sift = spawnSift({ SIFT_DATA_DIR: dir });
    expect(await sift.exited).toBe(1);
    expect(sift.output().trim()).toMatch(/^sift: SIFT_DATA_DIR: .* does not hold a usable database/);
  }, 60_000);

  it("refuses to start with APP_ID and PRIVATE_KEY but no WEBHOOK_SECRET", async () => {
    const sift = spawnSift({ APP_ID: "12345", PRIVATE_KEY: pem, SIFT_DATA_DIR: await tempDir() });
    expect(await sift.exited).toBe(1);
    expect(sift.output().trim()).toBe("sift: WEBHOOK_SECRET is required when APP_ID or PRIVATE_KEY is set");
  });

  it("refuses a second process on the same SIFT_DATA_DIR", async () => {
    const dir = await tempDir();
    const port = freePort();
    const first = spawnSift({ SIFT_DATA_DIR: dir, PORT: String(port) });
    try {
      await waitFor(async () => ((await fetch(`http://localhost:${port}/probot`)).ok ? true : undefined), 60_000, "first process");
      const second = spawnSift({ SIFT_DATA_DIR: dir, PORT: String(port + 1) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/is in use by process \d+/);
    } finally {
      first.child.kill("SIGTERM");
      await first.exited;
    }
  }, 90_000);
});
