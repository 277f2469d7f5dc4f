// The home page, where sign-in lands: a stranger sees what Sift is and a sign-in link, never a
// repository name; a signed-in reader sees the accounts and repositories they can read, linked.
import { describe, expect, it } from "vitest";
import { homeOwners } from "../../src/web/home/home-routes.js";
import { readerWho } from "../helpers/reader.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { NOW, seedCauses } from "./seed-causes.js";
import { useServedRoutes } from "./served-routes.js";

const { db } = useSeededDatabase((prisma) => seedCauses(prisma, 2));
const { get, signIn: as } = useServedRoutes(db, NOW);

describe("the home page", () => {
  it("shows a stranger a sign-in link and no repository; its JSON is a 401", async () => {
    as(null);
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const text = await page.text();
    expect(text).toContain('href="/login?next=%2F"');
    expect(text).not.toMatch(/octo|vault|other/);
    const api = await get("/?format=json");
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ signIn: "/login?next=%2F" });
  });

  it("lists a reader's accounts and repositories, private ones only when readable, linked to their pages", async () => {
    as(readerWho("mona<b>", ["octo/vault"]));
    const text = await (await get("/")).text();
    expect(text).toContain('<a href="/o/octo">octo</a>');
    expect(text).toContain('<a href="/o/octo/causes">causes</a>');
    expect(text).toContain('<a href="/r/octo/vault">vault</a> <span class="alt">private</span>');
    expect(text).toContain('<a href="/r/other/x">x</a>');
    expect(text).toContain("Signed in as mona&#60;b&#62;");
    as(readerWho("lisa", []));
    const json = (await (await get("/", "application/json")).json()) as { login: string; owners: { owner: string; repositories: { name: string }[] }[] };
    expect(json.login).toBe("lisa");
    expect(json.owners.map((o) => [o.owner, o.repositories.map((r) => r.name)])).toEqual([["octo", ["app", "tools"]], ["other", ["x"]]]);
  });

  it("groups by owner, in alphabetical order", () => {
    const r = (owner: string, name: string) => ({ id: 1n, owner, name, private: false });
    expect(homeOwners([r("b", "z"), r("a", "y"), r("b", "c")]).map((o) => `${o.owner}:${o.repositories.map((x) => x.name).join(",")}`)).toEqual(["a:y", "b:c,z"]);
  });
});
