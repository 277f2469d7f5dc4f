// The log stage: retrieval (providers) and normalisation (text, steps, failing step).
export { normaliseLog, normaliseLogYielding, normaliseText, detectFormatOf, type NormaliseOptions } from "./normalise.js";
export { cleanBytes, cleanBytesYielding, needsCleaning } from "./clean-bytes.js";
export { detectLogFormat, stripLinePrefixes, PREFIX_SOURCE, type LogFormat } from "./line-prefix.js";
export { splitSteps, type StepSplit } from "./steps.js";
export { createLineIndex, type LineIndex } from "./line-index.js";
export type { ApiStep, LogStep, NormalisedLog, StepMarker } from "./types.js";
export { fetchLog, type FetchLogDeps, type LogTarget } from "./fetch.js";
export { DEFAULT_MAX_LOG_BYTES, fetchFailure, type LogFetchResult, type LogSource } from "./fetch-result.js";
export { fetchActionsJobLog, type ActionsJobRef, type ActionsJobLogOptions } from "./providers/actions-job.js";
export { fetchCheckRunLog, renderCheckRunLog, type CheckRunRef, type CheckRunOutput } from "./providers/check-run.js";
export { fetchStatusLog, plainTextStatusProvider, type StatusLogProvider, type StatusRef, type StatusLogOptions } from "./providers/status.js";
export { readTail, type Tail } from "./tail.js";
export { decodeLog } from "./decode.js";
export { readLogText, withLogFields } from "./read-log-text.js";
