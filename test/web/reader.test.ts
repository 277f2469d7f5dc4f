import { expect, it } from "vitest";
import { readable, signInPath } from "../../src/web/reader.js";
import { readerWho } from "../helpers/reader.js";

const repo = (name: string, isPrivate: boolean) => ({ id: 1n, owner: "acme", name, private: isPrivate });

it("shows public repositories to anybody and private ones only to a reader who can read them", async () => {
  const repos = [repo("open", false), repo("secret", true), repo("other-secret", true)];
  expect((await readable(null, repos)).map((r) => r.name)).toEqual(["open"]);
  expect((await readable(readerWho("ann", ["acme/SECRET"]), repos)).map((r) => r.name)).toEqual(["open", "secret"]);
});

it("sends people to sign in with a same-site next path only", () => {
  expect(signInPath("/o/acme?days=30")).toBe("/login?next=%2Fo%2Facme%3Fdays%3D30");
  expect(signInPath("//evil.example/x")).toBe("/login?next=%2F");
  expect(signInPath("https://evil.example/")).toBe("/login?next=%2F");
});
