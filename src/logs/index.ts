// The log stage: retrieval (providers) and normalisation (text, steps, failing step).
export { normaliseLog, normaliseText, detectFormatOf, type NormaliseOptions } from "./normalise.js";
export { cleanBytes, needsCleaning } from "./cleanBytes.js";
export { detectLogFormat, stripLinePrefixes, PREFIX_SOURCE, type LogFormat } from "./linePrefix.js";
export { splitSteps, type StepSplit } from "./steps.js";
export { createLineIndex, type LineIndex } from "./lineIndex.js";
export type { ApiStep, LogStep, NormalisedLog, StepMarker } from "./types.js";
