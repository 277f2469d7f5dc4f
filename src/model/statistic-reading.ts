// One value a custom statistic (`statistics:` in .github/sift.yml) read from one job's log.

export interface StatisticReading {
  /** The statistic's id. */
  statisticId: string;
  /** The named group the value came from (`kb` in `bundle: (?P<kb>\d+) kB`). */
  group: string;
  value: number;
  /** Line of the normalised log of the match (the last one of the job: it wins). */
  line: number;
}
