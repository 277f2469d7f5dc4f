// The end of a claim. Every statement checks leaseOwner, so a worker whose lease expired (and whose
// SHA another worker took) cannot overwrite the newer state.
import type { SqlSession } from "../db/index.js";
import type { ClaimedCommit } from "./claim.js";
import type { Timing } from "./timing.js";

// A change after the claim (lastFailureAt > claimedAt) means the analysis may have missed it:
// pending again, due a cool-off after that change.
const FINISH = `
update "HeadCommit" set
  state = case when "lastFailureAt" > $3::timestamp then 'pending'::"CommitState" else 'done'::"CommitState" end,
  "firstFailureAt" = case when "lastFailureAt" > $3::timestamp then "lastFailureAt" else "firstFailureAt" end,
  "dueAt" = case when "lastFailureAt" > $3::timestamp then "lastFailureAt" + make_interval(secs => $6) else "dueAt" end,
  "leaseOwner" = null, "leaseUntil" = null, "analysedAt" = $4::timestamp, analyses = analyses + 1,
  conclusion = $5, "updatedAt" = $4::timestamp
where id = $1 and "leaseOwner" = $2
returning state::text`;

export async function finishAnalysis(
  sql: SqlSession,
  claim: ClaimedCommit,
  owner: string,
  result: { conclusion: string; now: Date },
  timing: Timing,
): Promise<{ state: "done" | "pending" | "lost" }> {
  const rows = await sql.query(FINISH, [claim.id, owner, claim.claimedAt.toISOString(), result.now.toISOString(), result.conclusion, timing.coolOffSeconds]);
  const state = rows[0]?.state;
  return { state: state === "done" || state === "pending" ? state : "lost" };
}

/** After a crash of the analysis: try again later instead of spinning on the same SHA. */
export async function releaseForRetry(sql: SqlSession, claim: ClaimedCommit, owner: string, retryAt: Date): Promise<void> {
  await sql.query(
    `update "HeadCommit" set state = 'pending', "dueAt" = $3::timestamp, "leaseOwner" = null, "leaseUntil" = null, "updatedAt" = $3::timestamp
     where id = $1 and "leaseOwner" = $2`,
    [claim.id, owner, retryAt.toISOString()],
  );
}

/** Extends the lease of a long analysis; false when the lease was lost to another worker. */
export async function renewLease(sql: SqlSession, claim: ClaimedCommit, owner: string, until: Date): Promise<boolean> {
  const rows = await sql.query(`update "HeadCommit" set "leaseUntil" = $3::timestamp where id = $1 and "leaseOwner" = $2 returning id`, [
    claim.id,
    owner,
    until.toISOString(),
  ]);
  return rows.length > 0;
}

/** Analysed, but something could not be read yet (a log still uploading): due again at `at`. */
export async function scheduleRecheck(sql: SqlSession, claim: ClaimedCommit, at: Date): Promise<void> {
  // No burst is cooling (firstFailureAt null): a new failure makes it due after the cool-off, not at the recheck.
  await sql.query(`update "HeadCommit" set state = 'pending', "dueAt" = $2::timestamp, "firstFailureAt" = null, "updatedAt" = now() where id = $1 and state = 'done'`, [
    claim.id,
    at.toISOString(),
  ]);
}
