import { createHash } from "node:crypto";

/** Same derivation as db/seed.ts demoId (the suite runs against the demo seed). */
export function demoId(key: string): string {
  const h = createHash("sha1").update(`theratrack-demo:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Which record a dynamic segment is filled with, per "ownership" of the cell being tested. */
export type Ownership = "own" | "same-clinic-outside-caseload" | "other-clinic";

export const SAMPLE_IDS: Record<string, Record<Ownership, string>> = {
  patient: {
    own: demoId("sunrise:patient:p01"), // on ana's caseload, Peter's patient
    "same-clinic-outside-caseload": demoId("sunrise:patient:p04"), // Sam's, not ana's
    "other-clinic": demoId("harbor:patient:p01"),
  },
};
