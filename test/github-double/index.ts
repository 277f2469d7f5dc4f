// The GitHub REST double: start it, seed `state`, point Sift at `host`, assert on `state`.
export { startGitHubDouble, type GitHubDouble } from "./server.js";
export { GitHubState, type DoubleCheckRun, type DoubleJob, type HookDelivery, type RecordedRequest } from "./state.js";
export type { Route, RouteContext, Routes } from "./context.js";
export { json, notFound, readJson } from "./http.js";
export { OAuthState, type DoubleUserRepo } from "./oauth-state.js";
