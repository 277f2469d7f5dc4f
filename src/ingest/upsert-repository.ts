// Installation and repository rows, upserted on every delivery (a repository may be seen before its
// installation event, e.g. after a missed delivery). Writes only on change.
// Parameters: $1 installation id, $2 repository id, $3 owner, $4 name, $5 private, $6 now, $7 default branch.
import type { SqlSession } from "../db/index.js";
import type { RepositoryRef } from "./schemas.js";

/** `guard` is a WHERE clause that makes the insert conditional when composed into one statement. */
export const installationInsert = (guard = "") => `
  insert into "Installation" (id, "accountLogin", "updatedAt") select $1::bigint, $3, $6::timestamp ${guard}
  on conflict (id) do nothing`;

export const repositoryUpsert = (guard = "") => `
  insert into "Repository" (id, "installationId", owner, name, private, "defaultBranch", "updatedAt")
  select $2::bigint, $1::bigint, $3, $4, $5::boolean, coalesce($7::text, 'main'), $6::timestamp ${guard}
  on conflict (id) do update set
    "installationId" = excluded."installationId", owner = excluded.owner, name = excluded.name,
    private = excluded.private, "defaultBranch" = coalesce($7::text, "Repository"."defaultBranch"), "updatedAt" = excluded."updatedAt"
  where ("Repository"."installationId", "Repository".owner, "Repository".name, "Repository".private)
    is distinct from (excluded."installationId", excluded.owner, excluded.name, excluded.private)
    or ($7::text is not null and "Repository"."defaultBranch" <> $7::text)`;

export function repositoryParams(installationId: number, repo: RepositoryRef, now: Date): unknown[] {
  return [String(installationId), String(repo.id), repo.owner.login, repo.name, repo.private, now.toISOString(), repo.default_branch ?? null];
}

export async function upsertRepository(sql: SqlSession, installationId: number, repo: RepositoryRef, now: Date): Promise<void> {
  await sql.query(`with inst as (${installationInsert()}) ${repositoryUpsert()}`, repositoryParams(installationId, repo, now));
}
