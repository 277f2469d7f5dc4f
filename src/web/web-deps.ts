// What every page's routes are given: the database, the settings, and the collaborators tests replace.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { ReaderOf } from "./reader.js";
import type { Views } from "./views.js";

export interface WebDeps {
  prisma: PrismaClient;
  settings: { publicUrl: string; pageSecret: string; githubWebUrl: string };
  now?: () => Date;
  views?: Views;
  /** The person signed in with GitHub, for org pages and the API (reader.ts); nobody by default. */
  readerOf?: ReaderOf;
}
