// Failed jobs of the last 24 hours per repository and verdict, for /metrics. Bounded: the 20
// repositories with the most failures keep their name, the rest are summed under repo="other";
// private repositories are summed under repo="private" unless /metrics asks for a token.
import type { SqlSession } from "../../db/index.js";
import { OTHER_LABEL } from "./bounded-label.js";

export const TOP_REPOSITORIES = 20;

export interface RepositoryFailures {
  repo: string;
  private: boolean;
  verdict: string;
  count: number;
}

const BY_REPOSITORY = `
select r.owner || '/' || r.name as repo, r.private, c.verdict::text as verdict, count(*)::int as count
from "Classification" c join "Job" j on j.id = c."jobId" join "Repository" r on r.id = j."repositoryId"
where c."updatedAt" >= $1
group by r.id, r.owner, r.name, r.private, c.verdict`;

export async function repositoryFailures(sql: SqlSession, since: Date): Promise<RepositoryFailures[]> {
  const rows = await sql.query(BY_REPOSITORY, [since]);
  return rows.map((r) => ({ repo: String(r.repo), private: r.private === true || r.private === "t", verdict: String(r.verdict), count: Number(r.count) }));
}

/** PURE: the label set /metrics shows: top repositories by name, then "other", private ones hidden unless named. */
export function boundRepositories(rows: RepositoryFailures[], opts: { top?: number; privateLabel: string; namePrivate: boolean }): Map<string, Map<string, number>> {
  const label = (r: RepositoryFailures) => (r.private && !opts.namePrivate ? opts.privateLabel : r.repo);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(label(r), (totals.get(label(r)) ?? 0) + r.count);
  const top = new Set(
    [...totals.entries()]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, opts.top ?? TOP_REPOSITORIES)
      .map(([repo]) => repo),
  );
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const repo = top.has(label(r)) ? label(r) : OTHER_LABEL;
    const verdicts = out.get(repo) ?? new Map<string, number>();
    verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + r.count);
    out.set(repo, verdicts);
  }
  return out;
}
