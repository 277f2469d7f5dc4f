export { openDatabase, type Database, type DatabaseOptions } from "./client.js";
export { migrate, readMigrations, type Migration } from "./migrate.js";
export { DatabaseError, redactUrl } from "./errors.js";
export type { SqlRunner, SqlSession } from "./sql-runner.js";
export type { PrismaClient } from "../generated/prisma/client.js";
export { SqlParams, noGuard, type SqlGuard } from "./sql-params.js";
