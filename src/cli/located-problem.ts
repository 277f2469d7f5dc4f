// A config problem as one line, `file:line:column: key: reason`, the way compilers print theirs
// (editors and terminals link it); a problem without a position (a JSON config) keeps the file alone.
import type { ConfigProblem } from "../config/validate.js";

export function locatedProblem(p: ConfigProblem): string {
  return `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ""}: ${p.path ? `${p.path}: ` : ""}${p.message}`;
}
