// The analysis queue at scrape time, from HeadCommit: due (waiting for a worker, or its lease lapsed),
// cooling off (failures seen, due later) and claimed (a worker holds its lease).
import type { SqlSession } from "../../db/index.js";

export interface QueueDepth {
  due: number;
  cooling: number;
  claimed: number;
}

const QUEUE = `
select
  count(*) filter (where (state = 'pending' and ("dueAt" is null or "dueAt" <= $1)) or (state = 'running' and ("leaseUntil" is null or "leaseUntil" <= $1))) as due,
  count(*) filter (where state = 'pending' and "dueAt" > $1) as cooling,
  count(*) filter (where state = 'running' and "leaseUntil" > $1) as claimed
from "HeadCommit" where state in ('pending', 'running')`;

export async function queueDepth(sql: SqlSession, now: Date): Promise<QueueDepth> {
  const [row] = await sql.query(QUEUE, [now]);
  return { due: Number(row?.due ?? 0), cooling: Number(row?.cooling ?? 0), claimed: Number(row?.claimed ?? 0) };
}
