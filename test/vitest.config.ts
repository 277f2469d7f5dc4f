import { defineConfig } from "vitest/config";

// Two projects: `all` runs every test (database tests on embedded PGlite);
// `db` re-runs the database-facing tests (*.db.test.ts) with SIFT_TEST_DB=postgres.
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "all", include: ["test/**/*.test.ts"] } },
      { extends: true, test: { name: "db", include: ["test/**/*.db.test.ts"] } },
    ],
  },
});
