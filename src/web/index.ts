// web/: Sift's HTTP side: health and metrics, the details page of each check run (HTML and JSON).
export { Router, send, type RouteHandler, type NodeHandler } from "./router.js";
export { addHealthRoutes } from "./metrics/health.js";
export { addWebRoutes } from "./details-routes.js";
export type { WebDeps } from "./web-deps.js";
export { detailsPath, detailsUrl, DETAILS_ROUTE, repoPath, repoUrl, REPO_ROUTE } from "./urls.js";
export { pageToken, verifyPageToken, repoPageToken, verifyRepoPageToken } from "./page-token.js";
export { loadRepoHistory, type RepoHistory } from "./history/repo-history-data.js";
export { loadDetails, type DetailsData, type DetailsJob } from "./details-data.js";
export { nobodySignedIn, readable, signInPath, type Reader, type ReaderOf, type RepoRef } from "./reader.js";
export { createMetrics, type AppMetrics, type MetricsSources } from "./metrics/metrics.js";
export { createSignIn, type SignIn } from "./sign-in/github-sign-in.js";
export { addSignInRoutes } from "./sign-in/sign-in-routes.js";
export { orgPath, ORG_ROUTE, ORG_GRID_API_ROUTE } from "./org-grid/org-grid-routes.js";
export { loadOrgGrid, type OrgGrid } from "./org-grid/org-grid-data.js";
