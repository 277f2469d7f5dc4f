// Placeholders for raw SQL built from pieces (data-modifying CTEs in one statement). Each value is added
// where the SQL uses it and gets the next $n, so pieces from several modules compose without anyone
// counting or renumbering parameters: a piece cannot refer to another piece's value by mistake.
export class SqlParams {
  readonly values: unknown[] = [];

  /** The placeholder for `value`, with an optional cast: `$3::bigint`. */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ""}`;
  }
}

/** An optional condition a composed piece adds to its WHERE (may add parameters of its own). */
export type SqlGuard = (p: SqlParams) => string;

export const noGuard: SqlGuard = () => "";
