/** The little raw SQL that Sift needs outside Prisma: migrations, health checks, locks. */
export interface SqlSession {
  query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs one or more statements without parameters. */
  exec(text: string): Promise<void>;
}

export interface SqlRunner extends SqlSession {
  /** Runs `fn` on one connection (needed for session-level advisory locks and transactions). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
}
