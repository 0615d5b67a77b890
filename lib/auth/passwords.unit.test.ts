import { describe, expect, it } from "vitest";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords";

describe("password hashing", () => {
  it("hashes with argon2id and verifies the right password only", async () => {
    const h = await hashPassword("correct horse battery staple");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(h, "correct horse battery stapler")).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword("same")).not.toEqual(await hashPassword("same"));
  });

  it("treats a malformed hash as a mismatch, not a crash", async () => {
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("the unknown-email path does the same argon2 work", async () => {
    await expect(burnPasswordCheck("whatever")).resolves.toBeUndefined();
  });
});
