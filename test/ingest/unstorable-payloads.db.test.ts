// Payloads that PostgreSQL cannot store as they are — a 1 MB job name, NUL bytes in strings, a
// delivery id longer than an index row — answer 2xx with a reason (cut, cleaned or refused), never
// 500, which would make GitHub and reconcile redeliver them forever (issue 11, defect 9).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { startTestApp, type TestApp } from "../helpers/probot.js";
import { exampleOf, examplesOf, type LoosePayload } from "../helpers/webhook-examples.js";

/** `n` characters that do not compress (PostgreSQL compresses a long repeated string below the index limit). */
function noise(n: number, seed = 1): string {
  let x = seed;
  let out = "";
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(0x21 + (x % 90));
  }
  return out;
}

const MB_NAME = noise(1024 * 1024);
const SHA = /^[0-9a-f]{40}$/;

let db: TestDatabase;
let app: TestApp;
beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
});

/** Every string of `value` with `f` applied (keys unchanged). */
function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

function withInstallation(event: string): LoosePayload {
  const found = examplesOf(event).find((p) => p.installation);
  return (found ?? { ...exampleOf(event), installation: { id: 99 } }) as LoosePayload;
}

const EVENTS = ["workflow_job", "check_run", "status", "workflow_run", "pull_request", "check_suite", "installation"];

describe.each(EVENTS)("%s", (event) => {
  it("with a NUL byte in every string: answered below 500, no error logged", async () => {
    const res = await app.deliver(event, mapStrings(withInstallation(event), (s) => (SHA.test(s) ? s : `${s.slice(0, 3)}\u0000${s.slice(3)}`)));
    expect(res.status, res.body).toBeLessThan(500);
    expect(app.logs.errors()).toEqual([]);
  });

  it("with every string 16 KB longer than GitHub would send: answered below 500, no error logged", async () => {
    const long = noise(16 * 1024, event.length);
    const res = await app.deliver(event, mapStrings(withInstallation(event), (s) => (s.length > 0 && !SHA.test(s) ? s + long : s)));
    expect(res.status, res.body).toBeLessThan(500);
    expect(app.logs.errors()).toEqual([]);
  });
});

describe("workflow_job that cannot be stored as sent", () => {
  const job = (o: Record<string, unknown>) => {
    const p = withInstallation("workflow_job");
    Object.assign(p.workflow_job, o);
    return p;
  };

  it("stores a 1 MB job name cut to 500 characters, and steps with NUL bytes cleaned", async () => {
    const p = job({ id: 777_001, name: MB_NAME, head_branch: "feat\u0000ure", steps: [{ name: "Run\u0000tests", number: 1, status: "completed", conclusion: "failure" }] });
    const res = await app.deliver("workflow_job", p);
    expect(res.status, res.body).toBe(200);
    const stored = await db.prisma.job.findFirst({ where: { externalId: "777001" } });
    expect(stored?.name).toHaveLength(500);
    expect(stored?.name.endsWith("…")).toBe(true);
    expect(stored?.headBranch).toBe("feature");
    expect(JSON.stringify(stored?.steps)).toContain('"name":"Runtests"');
    expect(app.logs.errors()).toEqual([]);
  });

  it("refuses a delivery whose id is too long to be remembered, with a reason, and stores nothing", async () => {
    const res = await app.deliver("workflow_job", job({ id: 777_002 }), { id: "d".repeat(5000) });
    expect(res.status, res.body).toBeLessThan(300);
    expect(await db.prisma.job.count({ where: { externalId: "777002" } })).toBe(0);
    expect(app.logs.lines.some((l) => l.level === 40 && /delivery id .*longer than/.test(l.msg))).toBe(true);
    expect(app.logs.errors()).toEqual([]);
  });
});
