import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getOfflineDb } from "./db";
import { claimForSending, countPending, enqueue, listEntries, rewrite, setStates } from "./outbox";
import { lock, MAX_OFFLINE_UNLOCKS, rememberPassword, unlocked, unlockOnline, unlockWithPassword } from "./vault";
import { loadWorkingSet, saveWorkingSet } from "./working-set-store";
import type { WorkingSet } from "./protocol";

const USER = "0b6e7200-0000-4000-8000-000000000001";
const KEY = Buffer.alloc(32, 7).toString("base64url");

/** The real WebCrypto and an in-memory IndexedDB; only the server's device-key answer is given. */
function serverGives(key = KEY, status = 200) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ userId: USER, key, keyVersion: 1 }), { status })));
}

beforeEach(async () => {
  lock();
  await getOfflineDb().delete();
  await getOfflineDb().open();
});
afterEach(() => vi.unstubAllGlobals());

const ws = { etag: "e1", user: { name: "Ana Alvarez" }, patients: [{ id: "p", displayName: "Maggie Testwell" }] } as unknown as WorkingSet;

describe("device store", () => {
  it("keeps the working set and the outbox encrypted: no plain text in any record", async () => {
    serverGives();
    expect((await unlockOnline()).ok).toBe(true);
    await saveWorkingSet(ws, "e1");
    await enqueue("concern.raise", { id: "c1", patientId: "p", appointmentId: "", kind: "other", text: "Bruise on the left arm" }, { label: "Urgent concern" });
    const db = getOfflineDb();
    const raw = JSON.stringify(await Promise.all([db.workingSets.toArray(), db.outbox.toArray(), db.keys.toArray()]), (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Buffer.from(v as ArrayBuffer).toString("latin1") : v));
    for (const secret of ["Maggie", "Testwell", "Bruise"]) expect(raw).not.toContain(secret);
    expect((await loadWorkingSet())?.ws.patients[0]?.displayName).toBe("Maggie Testwell");
    expect((await listEntries())[0]?.mutation.kind).toBe("concern.raise");
  });

  it("opens with the same data key after a reload, from the server's key or the password", async () => {
    serverGives();
    await unlockOnline();
    await rememberPassword("ana.aide@sunrise.example", "sunrise-demo-2026");
    await saveWorkingSet(ws, "e1");
    lock();
    expect(unlocked()).toBeNull();
    expect(await loadWorkingSet()).toBeNull();
    expect(await unlockWithPassword("sunrise-demo-2026")).toEqual({ ok: true });
    expect((await loadWorkingSet())?.etag).toBe("e1");
    lock();
    await unlockOnline();
    expect((await loadWorkingSet())?.etag).toBe("e1");
  });

  it("deletes the password copy after 10 wrong tries; an online sign-in still opens the data", async () => {
    serverGives();
    await unlockOnline();
    await rememberPassword("ana.aide@sunrise.example", "sunrise-demo-2026");
    await saveWorkingSet(ws, "e1");
    lock();
    for (let i = 1; i < MAX_OFFLINE_UNLOCKS; i++) expect(await unlockWithPassword("wrong")).toEqual({ ok: false, reason: "wrong", left: MAX_OFFLINE_UNLOCKS - i });
    expect(await unlockWithPassword("wrong")).toEqual({ ok: false, reason: "unavailable" });
    expect(await unlockWithPassword("sunrise-demo-2026")).toEqual({ ok: false, reason: "unavailable" });
    await unlockOnline();
    expect((await loadWorkingSet())?.etag).toBe("e1");
  }, 120_000);

  it("a wrong server key opens nothing", async () => {
    serverGives();
    await unlockOnline();
    lock();
    serverGives(Buffer.alloc(32, 9).toString("base64url"));
    await expect(unlockOnline()).rejects.toThrow();
    expect(unlocked()).toBeNull();
  });

  it("outbox: in order, a waiting draft is rewritten in place, one on its way is not", async () => {
    serverGives();
    await unlockOnline();
    const a = await enqueue("attendance.record", { appointmentId: "a", attendance: "present", arrivalTime: "", version: 1 }, { label: "present" });
    const b = await enqueue("attendance.undo", { appointmentId: "a", version: 2 }, { label: "undo" });
    expect((await listEntries()).map((e) => e.id)).toEqual([a, b]);
    expect(await countPending(USER)).toEqual({ waiting: 2, attention: 0 });
    const [first] = await listEntries();
    expect(await rewrite(first!, { appointmentId: "a", attendance: "late", arrivalTime: "08:10", version: 1 })).toBe(true);
    const claimed = await claimForSending(10);
    expect(claimed.map((e) => e.id)).toEqual([a, b]);
    expect(await rewrite(claimed[0]!, { appointmentId: "a", attendance: "no_show", arrivalTime: "", version: 1 })).toBe(false);
    await setStates([{ id: a, state: "done" }, { id: b, state: "attention", result: { outcome: "conflict", code: "CONFLICT", message: "Changed since" } }]);
    expect(await countPending(USER)).toEqual({ waiting: 0, attention: 1 });
    const refused = (await listEntries()).find((e) => e.id === b)!;
    expect(refused.result?.message).toBe("Changed since");
    // an edited refusal goes out under a new id (a refusal is final for its id)
    expect(await rewrite(refused, { appointmentId: "a", version: 3 })).toBe(true);
    const after = await listEntries();
    expect(after.find((e) => e.id === b)).toBeUndefined();
    expect(after.filter((e) => e.state === "waiting")).toHaveLength(1);
  });
});
