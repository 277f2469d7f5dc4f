// The notification outbox on a real database, Slack behind strict nock: once per key, delivered at
// least once, Retry-After and backoff honoured, refusals and 48 hours give up, leases keep replicas apart.
import nock from "nock";
import { describe, expect, it } from "vitest";
import { OUTAGE_EPISODE_GAP_MS, backoffSeconds, deliverOutbox, enqueueNotification, outboxCounts, touchOutageEpisode, type Notification } from "../../src/notify/index.js";
import { createMetrics } from "../../src/web/metrics/metrics.js";
import { useStrictNock } from "../helpers/github-nock.js";
import { captureLogger } from "../helpers/probot.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

useStrictNock();
const db = useTestDatabase();
const HOOK = "https://hooks.slack.com";
const PATH = "/services/T1/B1/outbox-secret";
const T0 = new Date("2026-11-20T12:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const note = (key: string, text = key): Notification => ({ key, event: "default_branch_red", installationId: 1, repositoryId: 2, message: { text, blocks: [] } });

function deliver(now: Date, metrics = createMetrics()) {
  const logs = captureLogger();
  return { run: () => deliverOutbox({ sql: db().sql, webhookUrl: `${HOOK}${PATH}`, now: () => now, log: logs.log, metrics }), logs, metrics };
}
const rows = () => db().prisma.notificationOutbox.findMany({ orderBy: { id: "asc" } });

describe("the outbox", () => {
  it("queues a key once, and delivers each queued message once, oldest first", async () => {
    const metrics = createMetrics();
    expect(await enqueueNotification(db().prisma, note("red:1:g1", "first"), T0, metrics)).toBe(true);
    expect(await enqueueNotification(db().prisma, note("red:1:g1", "again"), T0, metrics)).toBe(false);
    expect(await enqueueNotification(db().prisma, note("red:1:g2", "second"), T0, metrics)).toBe(true);
    const sent: string[] = [];
    nock(HOOK).post(PATH).twice().reply(200, (_uri, body) => (sent.push((body as { text: string }).text), "ok"));
    expect(await deliver(at(1), metrics).run()).toBe(2);
    expect(sent).toEqual(["first", "second"]);
    expect((await rows()).map((r) => [r.attempts, r.deliveredAt?.toISOString()])).toEqual([[1, at(1).toISOString()], [1, at(1).toISOString()]]);
    expect(await deliver(at(60)).run()).toBe(0); // nothing is sent twice
    const text = await metrics.registry.getSingleMetricAsString("sift_notifications_total");
    expect(text).toContain('sift_notifications_total{event="default_branch_red",outcome="queued"} 2');
    expect(text).toContain('sift_notifications_total{event="default_branch_red",outcome="delivered"} 2');
  });

  it("waits for Retry-After on 429 and stops the batch; backs off on 5xx; delivers once Slack is back", async () => {
    await enqueueNotification(db().prisma, note("a"), T0);
    await enqueueNotification(db().prisma, note("b"), T0);
    nock(HOOK).post(PATH).reply(429, "rate_limited", { "retry-after": "30" });
    const first = deliver(T0);
    expect(await first.run()).toBe(0);
    const [a, firstB] = await rows();
    let b = firstB;
    expect([a?.nextAttemptAt.toISOString(), a?.lastError, a?.leaseUntil]).toEqual([at(30).toISOString(), "rate limited: 429 rate_limited", null]);
    expect(b?.attempts).toBe(0); // the batch stopped: b was not sent into the rate limit
    expect(first.logs.lines.map((l) => l.msg).join("\n")).not.toContain("outbox-secret");

    nock(HOOK).post(PATH).reply(503, "service_unavailable"); // b at 10 s: a is not due yet
    expect(await deliver(at(10)).run()).toBe(0);
    [, b] = await rows();
    expect([b?.attempts, b?.nextAttemptAt.toISOString()]).toEqual([1, at(10 + backoffSeconds(1)).toISOString()]);

    nock(HOOK).post(PATH).reply(200, "ok"); // a at 31 s; b waits for its backoff
    expect(await deliver(at(31)).run()).toBe(1);
    nock(HOOK).post(PATH).reply(200, "ok");
    expect(await deliver(at(41)).run()).toBe(1);
    expect((await rows()).map((r) => [r.key, r.attempts, r.deliveredAt !== null])).toEqual([["a", 2, true], ["b", 2, true]]);
    expect([backoffSeconds(1), backoffSeconds(2), backoffSeconds(3), backoffSeconds(20)]).toEqual([30, 60, 120, 3600]);
  });

  it("gives up on a refusal and after 48 hours of failures, with the reason in the row, the log and /metrics", async () => {
    await enqueueNotification(db().prisma, note("refused"), T0);
    nock(HOOK).post(PATH).reply(400, "invalid_payload");
    const run = deliver(T0);
    await run.run();
    await enqueueNotification(db().prisma, note("old"), T0);
    nock(HOOK).post(PATH).reply(500, "rollup_error");
    await deliver(new Date(T0.getTime() + 48 * 3600_000)).run();
    const [refused, old] = await rows();
    expect([refused?.failedAt?.toISOString(), refused?.lastError]).toEqual([T0.toISOString(), "webhook refused the message: 400 invalid_payload"]);
    expect(old?.lastError).toBe("not delivered in 48 hours; last: webhook unavailable: 500 rollup_error");
    expect(run.logs.errors().map((l) => l.msg)).toEqual(["notification 1 (default_branch_red) given up: webhook refused the message: 400 invalid_payload"]);
    expect(await run.metrics.registry.getSingleMetricAsString("sift_notifications_total")).toContain('outcome="given_up"} 1');
    expect(await outboxCounts(db().sql)).toEqual({ pending: 0, failed: 2 });
  });

  it("leaves a row another process holds alone, and sends it again once that lease lapsed (at least once)", async () => {
    await enqueueNotification(db().prisma, note("held"), T0);
    // a process claimed it and died before it could say whether Slack took it
    await db().prisma.notificationOutbox.updateMany({ data: { leaseUntil: at(60), attempts: 1 } });
    expect(await deliver(at(10)).run()).toBe(0);
    expect(await outboxCounts(db().sql)).toEqual({ pending: 1, failed: 0 });
    nock(HOOK).post(PATH).reply(200, "ok");
    expect(await deliver(at(61)).run()).toBe(1);
    expect((await rows())[0]?.attempts).toBe(2);
  });

  it("keeps an outage episode open while it is seen; after an hour of quiet the next sighting is new", async () => {
    const prefix = "outage:1:net.reset:";
    expect(await touchOutageEpisode(db().prisma, prefix, T0)).toBe(false);
    await enqueueNotification(db().prisma, { ...note(`${prefix}${T0.toISOString()}`), event: "outage" }, T0);
    expect(await touchOutageEpisode(db().prisma, prefix, at(1800))).toBe(true);
    expect(await touchOutageEpisode(db().prisma, prefix, at(1800 + 3000))).toBe(true); // 50 min after the last sighting
    expect(await touchOutageEpisode(db().prisma, prefix, at(4800 + OUTAGE_EPISODE_GAP_MS / 1000 + 1))).toBe(false);
    expect(await touchOutageEpisode(db().prisma, "outage:1:net.reset-other:", at(1800))).toBe(false);
  });
});
