import { describe, expect, it } from "vitest";
import type { ObservationFormValues } from "@/lib/observations/schemas";
import { restoreDecision, type LocalDraft } from "./local-draft";

const values: ObservationFormValues = { tasks: [], goals: [], attitude: 3, attitudeTags: [], accomplishments: "x", comfortAndNeeds: "", note: "", education: [] };
const kept = (over: Partial<LocalDraft> = {}): LocalDraft => ({ id: "a", version: 2, values, at: "2026-01-01T00:00:00Z", ...over });

describe("restoring the tablet's copy of a draft", () => {
  it("nothing kept: nothing to do", () => {
    expect(restoreDecision(null, { id: "a", version: 2 })).toBe("none");
  });
  it("work never saved to the server is restored", () => {
    expect(restoreDecision(kept({ version: 0 }), null)).toBe("local");
  });
  it("work based on the server's version is restored (it may hold newer edits)", () => {
    expect(restoreDecision(kept(), { id: "a", version: 2 })).toBe("local");
  });
  it("a save sent before a reload whose answer was lost: the next version is ours", () => {
    expect(restoreDecision(kept({ pending: true }), { id: "a", version: 3 })).toBe("local");
    expect(restoreDecision(kept({ pending: false }), { id: "a", version: 3 })).toBe("discard");
  });
  it("another tab or tablet saved since, or started another entry: the server's copy wins", () => {
    expect(restoreDecision(kept({ pending: true }), { id: "a", version: 4 })).toBe("discard");
    expect(restoreDecision(kept(), { id: "b", version: 1 })).toBe("discard");
  });
});
