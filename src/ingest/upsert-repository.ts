// Installation and repository rows, upserted on every delivery (a repository may be seen before its
// installation event, e.g. after a missed delivery). Writes only on change.
import { SqlParams, noGuard, type SqlGuard, type SqlSession } from "../db/index.js";
import type { RepositoryRef } from "./schemas.js";

export interface RepositoryAt {
  installationId: number;
  repo: RepositoryRef;
  now: Date;
}

/** The insert, its values added to `p`; `guard` makes it conditional when composed into one statement. */
export function installationInsert(p: SqlParams, at: RepositoryAt, guard: SqlGuard = noGuard): string {
  return `
  insert into "Installation" (id, "accountLogin", "updatedAt")
  select ${p.add(String(at.installationId), "bigint")}, ${p.add(at.repo.owner.login, "text")}, ${p.add(at.now.toISOString(), "timestamp")} ${guard(p)}
  on conflict (id) do nothing`;
}

export function repositoryUpsert(p: SqlParams, at: RepositoryAt, guard: SqlGuard = noGuard): string {
  const defaultBranch = p.add(at.repo.default_branch ?? null, "text");
  return `
  insert into "Repository" (id, "installationId", owner, name, private, "defaultBranch", "updatedAt")
  select ${p.add(String(at.repo.id), "bigint")}, ${p.add(String(at.installationId), "bigint")}, ${p.add(at.repo.owner.login, "text")},
    ${p.add(at.repo.name, "text")}, ${p.add(at.repo.private, "boolean")}, coalesce(${defaultBranch}, 'main'), ${p.add(at.now.toISOString(), "timestamp")} ${guard(p)}
  on conflict (id) do update set
    "installationId" = excluded."installationId", owner = excluded.owner, name = excluded.name,
    private = excluded.private, "defaultBranch" = coalesce(${defaultBranch}, "Repository"."defaultBranch"), "updatedAt" = excluded."updatedAt"
  where ("Repository"."installationId", "Repository".owner, "Repository".name, "Repository".private)
    is distinct from (excluded."installationId", excluded.owner, excluded.name, excluded.private)
    or (${defaultBranch} is not null and "Repository"."defaultBranch" <> ${defaultBranch})`;
}

export async function upsertRepository(sql: SqlSession, installationId: number, repo: RepositoryRef, now: Date): Promise<void> {
  const p = new SqlParams();
  const at = { installationId, repo, now };
  await sql.query(`with inst as (${installationInsert(p, at)}) ${repositoryUpsert(p, at)}`, p.values);
}
