// commands/: `/retry` and `/known-broken` — pure parsing, permission check, execution.
export { parseCommand, USAGE, type Command } from "./parse-command.js";
export { executeCommand, type CommandDeps, type CommandOutcome } from "./execute-command.js";
export { checkPermission, type Permission } from "./check-permission.js";
export { react, reply, type CommandSite } from "./command-site.js";
export { declareKnownBroken, clearKnownBroken, REPO_WIDE_DAYS } from "./known-broken-command.js";
export { makeDueNow } from "../schedule/index.js";
export { COMMANDS_PER_MINUTE, claimReply, countCommand, windowOf, type CommandWindowKey } from "./rate-limit.js";
export { retryCommand, type RetryCommandResult } from "./retry-command.js";
export { syncKnownProblemIssue, KNOWN_PROBLEM_LABEL, FLAKY_TEST_LABEL, TRACKED_LABELS } from "./sync-known-problem-issue.js";
export { pullRequestSite, commitSite } from "./comment-site.js";
