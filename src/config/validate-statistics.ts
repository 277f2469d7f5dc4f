// The `statistics:` list of one `.github/sift.yml` layer: each entry checked on its own (schema, RE2,
// named groups, size), bad ones dropped with their key path, the rest kept in file order.
import type { z } from "zod";
import type { ConfigProblem, Statistic } from "../model/index.js";
import { MAX_STATISTICS, statisticSchema } from "../model/index.js";
import { compileRegex, regexProblem } from "../classify/regex.js";
import { MAX_STATISTIC_GROUPS, statisticGroupNames } from "../classify/statistic-groups.js";
import { listEntries } from "./list-entries.js";

/** A statistic's regex longer than this many UTF-8 bytes is refused (as a pattern's). */
const MAX_STATISTIC_REGEX_BYTES = 4096;

/** validate.ts's zod issues → problems, at `base` ("statistics[2]"). */
type Issues = (base: string, issues: readonly z.core.$ZodIssue[], known: readonly string[]) => ConfigProblem[];

export function statisticsOf(raw: unknown, file: string, problems: ConfigProblem[], issueProblems: Issues): Statistic[] {
  const kept: Statistic[] = [];
  const seen = new Map<string, number>();
  listEntries(raw, file, "statistics", MAX_STATISTICS, problems).forEach((item, i) => {
    const at = `statistics[${i}]`;
    const parsed = statisticSchema.safeParse(item);
    if (!parsed.success) {
      problems.push(...issueProblems(at, parsed.error.issues, Object.keys(statisticSchema.shape)));
      return;
    }
    const s = parsed.data;
    const why = regexWhy(s);
    if (why) {
      problems.push({ file, path: `${at}.regex`, message: why });
      return;
    }
    const earlier = seen.get(s.id);
    if (earlier !== undefined) {
      problems.push({ file, path: `${at}.id`, message: `duplicate id "${s.id}" (also statistics[${earlier}]); the later one is ignored` });
      return;
    }
    seen.set(s.id, i);
    kept.push(s);
  });
  return kept;
}

function regexWhy(s: Statistic): string | undefined {
  const bytes = Buffer.byteLength(s.regex, "utf8");
  if (bytes > MAX_STATISTIC_REGEX_BYTES) return `is ${bytes} bytes long; at most ${MAX_STATISTIC_REGEX_BYTES}`;
  const compiles = regexProblem(s.regex, { id: s.id, flags: "m" });
  if (compiles) return `does not compile under RE2: ${compiles}`;
  const groups = statisticGroupNames(s.regex);
  if (groups.length === 0) return "has no named group: name the number, as in `bundle: (?P<kb>\\d+) kB`";
  if (groups.length > MAX_STATISTIC_GROUPS) return `has ${groups.length} named groups; at most ${MAX_STATISTIC_GROUPS}`;
  const twice = groups.find((g, i) => groups.indexOf(g) !== i);
  if (twice) return `names the group "${twice}" twice`;
  if (compileRegex(s.regex, { id: s.id, flags: "m" }).test("")) return "matches an empty line: a statistic must require some text";
  return undefined;
}
