// Prisma CLI configuration. Sift applies migrations itself at start (src/db/migrate.ts),
// so the CLI is only used for `prisma generate`.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
