// reclassify/: when a repository's effective pattern set changes, its stored failures of the window
// are classified again from their kept text, resumably (progress in Reclassification rows).
export { requestReclassification, repositoriesWithFailures } from "./request-reclassification.js";
export { claimReclassification, type ClaimedReclassification } from "./claim-reclassification.js";
export { reclassifyRepository, LeaseLost, type ReclassifyDeps, type ReclassifyOutcome } from "./reclassify-repository.js";
export { reclassifiedRow, type ReclassifiedRow, type StoredClassification } from "./reclassified-row.js";
export { builtinsHash, noteBuiltinsVersion } from "./builtins-version.js";
export { configPushed, type ConfigPush } from "./config-pushed.js";
export { openPullRequestHeads } from "./open-pr-heads.js";
export { startReclassifyWorker, type ReclassifyWorker, type ReclassifyWorkerDeps } from "./start-reclassify-worker.js";
