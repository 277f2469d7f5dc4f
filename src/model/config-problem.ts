// A problem in a configuration file, shown in the check run where the user looks.
export interface ConfigProblem {
  /** Which file: e.g. "owner/repo/.github/sift.yml" or "built-in library". */
  file: string;
  /** Key path, e.g. "patterns[3].regex". */
  path: string;
  message: string;
  patternId?: string;
  /** Where in the file (1-based), when the problem was found in its text (config/parse-config-text.ts). */
  line?: number;
  column?: number;
}
