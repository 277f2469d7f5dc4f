// Several statements' SQL composed into one (data-modifying CTEs): one round trip, one atomic
// statement. Each piece keeps its own $1…$n; `shift` renumbers them to follow the previous pieces.
export function shift(sql: string, offset: number): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

export interface Piece {
  name: string;
  sql: string;
  /** "previous": the same parameters as the piece before (PostgreSQL must see every parameter used). */
  params: unknown[] | "previous";
}

/** `with a as (…), b as (…) <final>`; each piece's parameters follow the previous ones. */
export function compose(pieces: Piece[], final: string, finalParams: unknown[] = []): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  let offset = 0;
  const ctes = pieces.map((p) => {
    if (p.params !== "previous") {
      offset = params.length;
      params.push(...p.params);
    }
    return `${p.name} as (${shift(p.sql, offset)})`;
  });
  const text = `with ${ctes.join(",\n")}\n${shift(final, params.length)}`;
  return { text, params: [...params, ...finalParams] };
}
