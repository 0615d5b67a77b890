import "fake-indexeddb/auto";
import { createPublicKey, verify } from "node:crypto";
import { Dexie } from "dexie";
import { describe, expect, it } from "vitest";
import { pinChallengeMessage } from "@/lib/auth/pin-rules";
import { DB_NAME, OfflineDb } from "./db";
import { fromBase64Url } from "./crypto";
import { newCredential, signWithPin } from "./pin";

const check = (publicKey: string, message: string, signature: string) =>
  verify(null, Buffer.from(message), createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicKey }, format: "jwk" }), Buffer.from(fromBase64Url(signature)));

describe("PIN-wrapped tablet credential", () => {
  const message = pinChallengeMessage("0b6e7200-0000-4000-8000-000000000001", "0b6e7200-0000-4000-8000-000000000002", "nonce");

  it("the right PIN signs what the server's public key accepts", async () => {
    const cred = await newCredential("274915", 1000);
    expect(cred.sealedSeed).toHaveLength(32);
    expect(check(cred.publicKey, message, await signWithPin(cred, "274915", message))).toBe(true);
  });

  it("a wrong PIN still yields a working key (nothing to test on the device), which only the server rejects", async () => {
    const cred = await newCredential("274915", 1000);
    const signature = await signWithPin(cred, "274916", message);
    expect(fromBase64Url(signature)).toHaveLength(64);
    expect(check(cred.publicKey, message, signature)).toBe(false);
  });
});

describe("device store version 2", () => {
  it("the upgrade keeps the outbox, keys and working sets of version 1", async () => {
    const name = `${DB_NAME}-upgrade-test`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ keys: "userId", workingSets: "userId", outbox: "id, userId, [userId+seq], [userId+state]", meta: "key" });
    await v1.open();
    await v1.table("outbox").put({ id: "m1", userId: "u1", seq: 1, state: "waiting", doneAt: null, data: { iv: new Uint8Array(12), ct: new ArrayBuffer(4) } });
    await v1.table("keys").put({ userId: "u1", email: "", name: "Ana", byServer: new ArrayBuffer(40), byPassword: null, failedUnlocks: 0, needsSignIn: false });
    v1.close();
    const v2 = new OfflineDb(name);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.outbox.get("m1")).toMatchObject({ userId: "u1", state: "waiting" });
    expect(await v2.keys.count()).toBe(1);
    expect(await v2.enrolments.count()).toBe(0);
    v2.close();
  });
});
