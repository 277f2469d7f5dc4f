// The replay's premise: each log template gets the class it is meant to have from the built-ins
// alone, so a wrong conclusion under load is a load problem, not a classification one.
import { builtinPatterns } from "../../../src/classify/builtins/index.js";
import { classify, compilePatternSet } from "../../../src/classify/index.js";
import { normaliseLog } from "../../../src/logs/index.js";
import type { LogTemplate } from "./log-templates.js";

export function checkTemplates(templates: readonly LogTemplate[]): void {
  const compiled = compilePatternSet(builtinPatterns().map((pattern) => ({ pattern, origin: "builtin" as const })));
  for (const t of templates) {
    const v = classify({ log: normaliseLog(Buffer.from(t.text)), compiled });
    if (v.class !== t.class) throw new Error(`day bench: the "${t.name}" log is ${v.class} (${v.patternId}), meant to be ${t.class}`);
  }
}
