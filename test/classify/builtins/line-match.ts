// A deliberately simple per-line matcher for the built-ins (pattern matches the line and `unless`
// does not), used to check the library on its own terms, independent of the engine.
import RE2 from "re2";
import stripAnsi from "strip-ansi";
import type { Pattern } from "../../../src/config/schema.js";
import { builtinPatterns } from "../../../src/classify/builtins/index.js";

export interface CompiledBuiltin {
  pattern: Pattern;
  regex: RE2;
  unless?: RE2;
}

export function compileBuiltins(): CompiledBuiltin[] {
  return builtinPatterns().map((pattern) => ({
    pattern,
    regex: new RE2(pattern.regex, "u"),
    unless: pattern.unless === undefined ? undefined : new RE2(pattern.unless, "u"),
  }));
}

export function lineMatches(c: CompiledBuiltin, line: string): boolean {
  return c.regex.test(line) && !(c.unless?.test(line) ?? false);
}

/** Lines of a raw log, with ANSI codes, CR and a BOM removed (the engine's normaliser does more). */
export function logLines(text: string): string[] {
  return stripAnsi(text.replace(/^\uFEFF/, "")).split(/\r?\n|\r/);
}

/** Every (pattern id, line number, line) where a built-in matches. */
export function builtinHits(compiled: CompiledBuiltin[], text: string): { id: string; line: number; text: string }[] {
  const hits: { id: string; line: number; text: string }[] = [];
  logLines(text).forEach((line, i) => {
    for (const c of compiled) if (lineMatches(c, line)) hits.push({ id: c.pattern.id, line: i + 1, text: line });
  });
  return hits;
}
