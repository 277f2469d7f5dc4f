// The job delivery is one statement composed from ingest's and schedule's pieces. Placeholders are
// handed out as values are added (db/sql-params.ts), so the composed text uses exactly $1…$n for n
// values, each value once, whatever the pieces: nothing is renumbered by a regex.
import { describe, expect, it } from "vitest";
import { SqlParams, type SqlSession } from "../../src/db/index.js";
import { jobFromWorkflowJob, payloads } from "../../src/ingest/index.js";
import { storeJobDelivery } from "../../src/ingest/store-job-delivery.js";
import { failureUpsert } from "../../src/schedule/index.js";
import { REPO, sha, workflowJobPayload } from "../helpers/payloads.js";

function capture(): SqlSession & { text: string; params: readonly unknown[] } {
  const s = {
    text: "",
    params: [] as readonly unknown[],
    async query(text: string, params: readonly unknown[] = []) {
      s.text = text;
      s.params = params;
      return [{ fresh: 1, changed: 1 }];
    },
    async exec() {},
  };
  return s;
}

const placeholders = (text: string) => [...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));

describe("composed statements", () => {
  it("number every value once, in order, across the delivery's pieces", async () => {
    const session = capture();
    const job = jobFromWorkflowJob(payloads.workflowJobPayload.parse(workflowJobPayload({ id: 1, sha: sha(1) })));
    const delivery = { id: "d-1", event: "workflow_job", action: "completed", installationId: 100 };
    const repo = { id: REPO.id, name: REPO.name, owner: { login: REPO.owner }, private: false };
    await storeJobDelivery(session, { delivery, installationId: 100, repo, job, now: new Date(), timing: { coolOffSeconds: 5, maxWaitSeconds: 60 } });
    const used = new Set(placeholders(session.text));
    expect([...used].sort((a, b) => a - b)).toEqual(Array.from({ length: session.params.length }, (_, i) => i + 1));
    // The failure piece's flag and the refresh piece's flag are the last two values: one true, one false.
    expect(session.params.slice(-1)).toEqual([false]);
    expect(session.params).toContain(true);
  });

  it("let a guard add its own values after the piece's", () => {
    const p = new SqlParams();
    p.add("before");
    const text = failureUpsert(p, { repositoryId: 1, sha: "a", branch: null, now: new Date(0) }, { coolOffSeconds: 1, maxWaitSeconds: 2 }, (q) => `where ${q.add(true, "boolean")}`);
    expect(p.values.length).toBe(8);
    expect(text).toContain("where $8::boolean");
    expect(Math.max(...placeholders(text))).toBe(8);
  });
});
