// Installation and repository rows, upserted in one statement on every delivery (a repository may
// be seen before its installation event, e.g. after a missed delivery). Writes only on change.
import type { SqlSession } from "../db/index.js";
import type { RepositoryRef } from "./schemas.js";

const SQL = `
with inst as (
  insert into "Installation" (id, "accountLogin", "updatedAt") values ($1::bigint, $3, $6::timestamp)
  on conflict (id) do nothing
)
insert into "Repository" (id, "installationId", owner, name, private, "defaultBranch", "updatedAt")
values ($2::bigint, $1::bigint, $3, $4, $5, coalesce($7, 'main'), $6::timestamp)
on conflict (id) do update set
  "installationId" = excluded."installationId", owner = excluded.owner, name = excluded.name,
  private = excluded.private, "defaultBranch" = coalesce($7, "Repository"."defaultBranch"), "updatedAt" = excluded."updatedAt"
where ("Repository"."installationId", "Repository".owner, "Repository".name, "Repository".private)
  is distinct from (excluded."installationId", excluded.owner, excluded.name, excluded.private)
  or ($7::text is not null and "Repository"."defaultBranch" <> $7)`;

export async function upsertRepository(sql: SqlSession, installationId: number, repo: RepositoryRef, now: Date): Promise<void> {
  await sql.query(SQL, [
    String(installationId),
    String(repo.id),
    repo.owner.login,
    repo.name,
    repo.private,
    now.toISOString(),
    repo.default_branch ?? null,
  ]);
}
