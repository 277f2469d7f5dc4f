// The `.github/sift.yml` schema lives in the model (classify/ reads patterns, decide/ the retry policy);
// config/ validates, merges and loads files of it.
export * from "../model/config-schema.js";
