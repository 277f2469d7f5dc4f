// A problem in a configuration file, shown in the check run where the user looks.
export interface ConfigProblem {
  /** Which file: e.g. "owner/repo/.github/sift.yml" or "built-in library". */
  file: string;
  /** Key path, e.g. "patterns[3].regex". */
  path: string;
  message: string;
  patternId?: string;
}
