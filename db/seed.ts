import { createHash } from "node:crypto";
import type { Db } from "./client";
import { seedHandouts } from "./seed-handouts";
import { HARBOR_CARE, localDate, seedCare, SUNRISE_CARE } from "./seed-care";
import { seedObservations } from "./seed-observations";
import { HARBOR_ROOMS, seedRooms, SUNRISE_ROOMS } from "./seed-rooms";
import { caseloads, clinics, patients, rooms, supervisions, users } from "./schema";
import type { Discipline, Role } from "./schema";

export const DEMO_PASSWORD = "sunrise-demo-2026";

/** Stable ids, so running the seed twice changes nothing and tests can name demo rows. */
export function demoId(key: string): string {
  const h = createHash("sha1").update(`theratrack-demo:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type SeedUser = { key: string; email: string; name: string; role: Role; title: string; discipline?: Discipline };
type SeedPatient = {
  key: string;
  mrn: string;
  first: string;
  last: string;
  preferred?: string;
  dob: string;
  language?: string;
  interpreter?: boolean;
  precautions: string[];
  therapist: string;
  caseload: string[];
};
type SeedClinic = {
  key: string;
  name: string;
  timeZone: string;
  users: SeedUser[];
  supervisions: [assistant: string, therapist: string][];
  rooms: { key: string; name: string; kind: "gym" | "treatment" | "sensory" | "speech" }[];
  patients: SeedPatient[];
};

export const DEMO_CLINICS: SeedClinic[] = [
  {
    key: "sunrise",
    name: "Sunrise Therapy Center",
    timeZone: "America/Los_Angeles",
    users: [
      { key: "alex", email: "alex.admin@sunrise.example", name: "Alex Admin", role: "admin", title: "Clinic Administrator" },
      { key: "olivia", email: "olivia.ot@sunrise.example", name: "Olivia Ortiz", role: "therapist", title: "OTR/L", discipline: "OT" },
      { key: "peter", email: "peter.pt@sunrise.example", name: "Peter Park", role: "therapist", title: "DPT", discipline: "PT" },
      { key: "ana", email: "ana.aide@sunrise.example", name: "Ana Alvarez", role: "assistant", title: "Rehabilitation Aide" },
      { key: "sam", email: "sam.aide@sunrise.example", name: "Sam Sato", role: "assistant", title: "Therapy Aide" },
    ],
    supervisions: [
      ["ana", "olivia"],
      ["ana", "peter"],
      ["sam", "peter"],
    ],
    rooms: [
      { key: "gym", name: "Main Gym", kind: "gym" },
      { key: "tr1", name: "Treatment Room 1", kind: "treatment" },
      { key: "sensory", name: "Sensory Room", kind: "sensory" },
      { key: "speech", name: "Speech Room", kind: "speech" },
    ],
    patients: [
      { key: "p01", mrn: "SR-1001", first: "Marguerite", last: "Testwell", preferred: "Maggie", dob: "1948-03-14", precautions: ["Fall risk", "Hip precautions (posterior)"], therapist: "peter", caseload: ["ana"] },
      { key: "p02", mrn: "SR-1002", first: "Deshawn", last: "Samplefield", dob: "1979-11-02", precautions: ["Weight bearing as tolerated, left leg"], therapist: "peter", caseload: ["ana", "sam"] },
      { key: "p03", mrn: "SR-1003", first: "Lucía", last: "Demoreyes", preferred: "Lucy", dob: "2015-06-21", language: "Spanish", interpreter: true, precautions: ["Seizure precautions"], therapist: "olivia", caseload: ["ana"] },
      { key: "p04", mrn: "SR-1004", first: "Harold", last: "Fakenham", preferred: "Hal", dob: "1941-01-30", precautions: ["Cardiac: stop if HR > 120", "Fall risk"], therapist: "peter", caseload: ["sam"] },
      { key: "p05", mrn: "SR-1005", first: "Mei", last: "Placeholm", dob: "1990-09-09", language: "Mandarin", interpreter: true, precautions: [], therapist: "olivia", caseload: ["ana"] },
      { key: "p06", mrn: "SR-1006", first: "Tobias", last: "Mockridge", preferred: "Toby", dob: "2012-12-12", precautions: ["Latex allergy"], therapist: "olivia", caseload: ["ana"] },
      { key: "p07", mrn: "SR-1007", first: "Gwendolyn", last: "Synthwaite", preferred: "Gwen", dob: "1956-04-18", precautions: ["Sternal precautions"], therapist: "peter", caseload: ["sam"] },
      { key: "p08", mrn: "SR-1008", first: "Rafael", last: "Exampleton", dob: "1985-07-04", language: "Portuguese", precautions: ["Non-weight bearing, right arm"], therapist: "peter", caseload: ["sam"] },
      { key: "p09", mrn: "SR-1009", first: "Aiyana", last: "Trialsworth", dob: "2009-02-27", precautions: ["Diabetic: check glucose before exercise"], therapist: "peter", caseload: ["ana", "sam"] },
      { key: "p10", mrn: "SR-1010", first: "Bernard", last: "Pseudoman", preferred: "Bernie", dob: "1938-10-10", precautions: ["Aspiration risk", "Fall risk"], therapist: "olivia", caseload: ["ana"] },
      { key: "p11", mrn: "SR-1011", first: "Keiko", last: "Dummerford", dob: "1972-05-15", language: "Japanese", interpreter: true, precautions: [], therapist: "peter", caseload: ["sam"] },
      { key: "p12", mrn: "SR-1012", first: "Olusegun", last: "Notreal", preferred: "Segun", dob: "1966-08-08", precautions: ["Spinal precautions: no bending, lifting, twisting"], therapist: "peter", caseload: [] },
    ],
  },
  {
    key: "harbor",
    name: "Harbor Rehab",
    timeZone: "America/New_York",
    users: [
      { key: "hana", email: "hana.admin@harbor.example", name: "Hana Admin", role: "admin", title: "Office Manager" },
      { key: "theo", email: "theo.pt@harbor.example", name: "Theo Thompson", role: "therapist", title: "DPT", discipline: "PT" },
      { key: "hugo", email: "hugo.aide@harbor.example", name: "Hugo Hughes", role: "assistant", title: "Rehabilitation Aide" },
    ],
    supervisions: [["hugo", "theo"]],
    rooms: [
      { key: "gym", name: "Harbor Gym", kind: "gym" },
      { key: "tr1", name: "Harbor Treatment A", kind: "treatment" },
    ],
    patients: [
      { key: "p01", mrn: "HR-2001", first: "Wilhelmina", last: "Mockett", preferred: "Billie", dob: "1950-02-02", precautions: ["Fall risk"], therapist: "theo", caseload: ["hugo"] },
      { key: "p02", mrn: "HR-2002", first: "Cornelius", last: "Fauxley", dob: "1983-03-03", precautions: [], therapist: "theo", caseload: ["hugo"] },
      { key: "p03", mrn: "HR-2003", first: "Priya", last: "Samplestone", dob: "2001-04-04", language: "Hindi", precautions: ["Shoulder: no overhead reaching"], therapist: "theo", caseload: ["hugo"] },
      { key: "p04", mrn: "HR-2004", first: "Ezekiel", last: "Testament", preferred: "Zeke", dob: "1944-05-05", precautions: ["Oxygen 2L at rest"], therapist: "theo", caseload: [] },
    ],
  },
];

/** Insert the demo clinics. Idempotent: fixed ids, ON CONFLICT DO NOTHING. Synthetic people only.
 * The password hasher is passed in because db/ does not import lib/. */
export async function seedDemo(
  db: Db,
  hashPassword: (password: string) => Promise<string>,
  now = new Date(),
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const c of DEMO_CLINICS) {
      const clinicId = demoId(c.key);
      const uid = (k: string) => demoId(`${c.key}:user:${k}`);
      await tx.insert(clinics).values({ id: clinicId, name: c.name, timeZone: c.timeZone }).onConflictDoNothing();
      await tx
        .insert(users)
        .values(
          c.users.map((u) => ({
            id: uid(u.key),
            clinicId,
            email: u.email,
            name: u.name,
            role: u.role,
            title: u.title,
            discipline: u.discipline ?? null,
            passwordHash,
          })),
        )
        .onConflictDoNothing();
      await tx
        .insert(supervisions)
        .values(c.supervisions.map(([a, t]) => ({ clinicId, assistantId: uid(a), therapistId: uid(t) })))
        .onConflictDoNothing();
      await tx
        .insert(rooms)
        .values(c.rooms.map((r) => ({ id: demoId(`${c.key}:room:${r.key}`), clinicId, name: r.name, kind: r.kind })))
        .onConflictDoNothing();
      await tx
        .insert(patients)
        .values(
          c.patients.map((p) => ({
            id: demoId(`${c.key}:patient:${p.key}`),
            clinicId,
            mrn: p.mrn,
            firstName: p.first,
            lastName: p.last,
            preferredName: p.preferred ?? null,
            dateOfBirth: p.dob,
            preferredLanguage: p.language ?? "English",
            interpreterNeeded: p.interpreter ?? false,
            precautions: p.precautions,
            primaryTherapistId: uid(p.therapist),
          })),
        )
        .onConflictDoNothing();
      const load = c.patients.flatMap((p) =>
        p.caseload.map((a) => ({ clinicId, assistantId: uid(a), patientId: demoId(`${c.key}:patient:${p.key}`) })),
      );
      if (load.length) await tx.insert(caseloads).values(load).onConflictDoNothing();
      await seedCare(tx, c.key === "sunrise" ? SUNRISE_CARE : HARBOR_CARE, (k) => demoId(`${c.key}:${k}`), clinicId, now);
      await seedRooms(tx, c.key === "sunrise" ? SUNRISE_ROOMS : HARBOR_ROOMS, (k) => demoId(`${c.key}:${k}`), clinicId, localDate(now, c.timeZone));
      await seedObservations(tx, c.key === "sunrise" ? "sunrise" : "harbor", (k) => demoId(`${c.key}:${k}`), clinicId, c.timeZone, now);
      await seedHandouts(tx, c.key === "sunrise" ? "sunrise" : "harbor", (k) => demoId(`${c.key}:${k}`), clinicId, now);
    }
  });
}

/** Ids of demo rows, for tests and scripts. */
export const demo = {
  clinic: (c: "sunrise" | "harbor") => demoId(c),
  user: (c: "sunrise" | "harbor", key: string) => demoId(`${c}:user:${key}`),
  patient: (c: "sunrise" | "harbor", key: string) => demoId(`${c}:patient:${key}`),
  room: (c: "sunrise" | "harbor", key: string) => demoId(`${c}:room:${key}`),
};
