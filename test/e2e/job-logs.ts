// Job logs the end-to-end tests serve from the GitHub double, in GitHub Actions' raw format.

/** GitHub's own words when a runner goes away mid-job (no corpus log has it in the log text). */
export const LOST_RUNNER = [
  "2024-05-01T12:00:00.0000000Z ##[group]Run npm test",
  "2024-05-01T12:00:00.1000000Z ##[endgroup]",
  "2024-05-01T12:05:01.0000000Z ##[error]The hosted runner: GitHub Actions 7 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.",
  "",
].join("\n");

/** A build step that fails on its own error: genuine. */
export const BUILD_BROKE = "2024-01-01T00:00:00.0000000Z ##[group]Run make\n2024-01-01T00:00:01.0000000Z error: the build broke\n2024-01-01T00:00:02.0000000Z ##[error]Process completed with exit code 2.\n";

/** A self-hosted runner lost in the test step: flaky. */
export const RUNNER_LOST = "2024-01-01T00:00:00.0000000Z ##[group]Run tests\n2024-01-01T00:00:01.0000000Z ##[error]The runner: ubuntu-22 lost communication with the server. Verify the machine is running and has a healthy network connection.\n";
