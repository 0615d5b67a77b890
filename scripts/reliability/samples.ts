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

const dateIn = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const sunriseToday = dateIn("America/Los_Angeles");
const harborToday = dateIn("America/New_York");

/** Today's demo appointments: ana's 08:00 with Maggie, sam's 09:00 with Hal, Harbor's 09:00 with Billie. */
SAMPLE_IDS.appointment = {
  own: demoId(`sunrise:appt:p01:${sunriseToday}:08:00`),
  "same-clinic-outside-caseload": demoId(`sunrise:appt:p04:${sunriseToday}:09:00`),
  "other-clinic": demoId(`harbor:appt:p01:${harborToday}:09:00`),
};
SAMPLE_IDS.room = { own: demoId("sunrise:room:gym"), "same-clinic-outside-caseload": demoId("sunrise:room:tr1"), "other-clinic": demoId("harbor:room:gym") };
SAMPLE_IDS.checklist = { own: demoId("sunrise:checklist:gym"), "same-clinic-outside-caseload": demoId("sunrise:checklist:treatment"), "other-clinic": demoId("harbor:checklist:gym") };
SAMPLE_IDS.equipment = {
  own: demoId("sunrise:equipment:gym:bars"),
  "same-clinic-outside-caseload": demoId("sunrise:equipment:tr1:table"),
  "other-clinic": demoId("harbor:equipment:gym:bars"),
};
SAMPLE_IDS.supply = { own: demoId("sunrise:supply:gaitBelts"), "same-clinic-outside-caseload": demoId("sunrise:supply:wipes"), "other-clinic": demoId("harbor:supply:gaitBelts") };
SAMPLE_IDS.report = { own: demoId("sunrise:report:p01:demo"), "same-clinic-outside-caseload": demoId("sunrise:report:p01:demo"), "other-clinic": demoId("harbor:report:p01:demo") };
/** A goal of each kind of patient above (the seed's first goal of each plan). */
SAMPLE_IDS.goal = { own: demoId("sunrise:goal:p01:0"), "same-clinic-outside-caseload": demoId("sunrise:goal:p04:0"), "other-clinic": demoId("harbor:goal:p01:0") };
SAMPLE_IDS.user = { own: demoId("sunrise:user:sam"), "same-clinic-outside-caseload": demoId("sunrise:user:olivia"), "other-clinic": demoId("harbor:user:hugo") };
