import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { ALL_PERMISSIONS, assertCan, assertCanReadFhir, can, canReadFhir, FHIR_TYPE_NAMES, PERMISSIONS, scopesCover, type Permission } from "./permissions";

// The expected table, written out by hand: a change to permissions.ts must change this too.
const EXPECTED: Record<Permission, Role[]> = {
  "today:view": ["assistant"],
  "review:view": ["therapist"],
  "admin:view": ["admin"],
  "account:preferences": ["admin", "therapist", "assistant"],
  "patient:list": ["admin", "therapist", "assistant"],
  "patient:read": ["admin", "therapist", "assistant"],
  "patient:read-clinical": ["therapist", "assistant"],
  "patient:manage": ["admin"],
  "user:list": ["admin"],
  "user:manage": ["admin"],
  "caseload:manage": ["admin"],
  "clinic:settings": ["admin"],
  "audit:read": ["admin"],
  "room:list": ["admin", "therapist", "assistant"],
  "room:manage": ["admin"],
  "room:prep": ["assistant", "therapist"],
  "checklist:manage": ["admin", "therapist"],
  "equipment:update": ["admin", "therapist"],
  "supply:list": ["admin", "therapist", "assistant"],
  "supply:move": ["admin", "therapist", "assistant"],
  "supply:manage": ["admin"],
  "staff:list-supervision": ["therapist", "assistant"],
  "attendance:record": ["assistant", "therapist"],
  "observation:write": ["assistant"],
  "observation:submit": ["assistant"],
  "schedule:view": ["admin"],
  "schedule:manage": ["admin"],
  "account:password": ["admin", "therapist", "assistant"],
  "care:manage": ["therapist"],
  "handout:read": ["therapist", "assistant"],
  "handout:write": ["therapist"],
  "observation:sign": ["therapist"],
  "observation:return": ["therapist"],
  "observation:amend": ["therapist"],
  "report:submit": ["assistant"],
  "report:acknowledge": ["therapist"],
  "report:read": ["therapist", "assistant"],
  "verbal-report:log": ["assistant"],
  "offline:sync": ["assistant"],
  "device:enrol": ["assistant"],
  "enrolment:manage": ["admin"],
  "concern:raise": ["assistant"],
  "concern:acknowledge": ["therapist"],
  "export:entries": ["therapist"],
  "overdue:view": ["therapist", "admin"],
  "session:activity": ["admin", "therapist", "assistant"],
  "fhir:read": ["therapist", "admin"],
  "fhir:read-clinical": ["therapist"],
  "fhir:export": ["therapist", "admin"],
  "fhir:import": ["admin"],
  "fhir:clients": ["admin"],
};

describe("permissions table", () => {
  it("lists exactly the expected permissions", () => {
    expect(new Set(ALL_PERMISSIONS)).toEqual(new Set(Object.keys(EXPECTED)));
  });

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        const actor = { role, clinicId: "c1" };
        expect(can(actor, permission)).toBe(allowed);
        if (allowed) expect(() => assertCan(actor, permission, { clinicId: "c1" })).not.toThrow();
        else expect(() => assertCan(actor, permission)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
      });
    }
  }

  it("treats another clinic's record as not found, even for a permitted role", () => {
    expect(() => assertCan({ role: "admin", clinicId: "c1" }, "patient:read", { clinicId: "c2" })).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
  });

  it("clinical content is never an admin permission (minimum necessary)", () => {
    expect(PERMISSIONS["patient:read-clinical"].roles).not.toContain("admin");
  });

  it("clinical content is never an admin permission in FHIR either", () => {
    expect(PERMISSIONS["fhir:read-clinical"].roles).not.toContain("admin");
    const admin = { role: "admin" as const, clinicId: "c1" };
    expect(FHIR_TYPE_NAMES.filter((t) => canReadFhir(admin, t))).toEqual(["Patient", "Practitioner", "PractitionerRole", "Encounter"]);
    expect(FHIR_TYPE_NAMES.filter((t) => canReadFhir({ role: "assistant", clinicId: "c1" }, t))).toEqual([]);
  });
});

describe("system clients (SMART Backend Services)", () => {
  const client = (scopes: string[]) => ({ role: "system" as const, clinicId: "c1", scopes });
  const CLIENT_PERMISSIONS = ALL_PERMISSIONS.filter((p) => can(client([]), p));

  it("hold only the FHIR read and export permissions", () => {
    expect(CLIENT_PERMISSIONS).toEqual(["fhir:read", "fhir:read-clinical", "fhir:export"]);
  });
  it("read what their scopes cover, and nothing else", () => {
    expect(FHIR_TYPE_NAMES.every((t) => canReadFhir(client(["system/*.read"]), t))).toBe(true);
    expect(FHIR_TYPE_NAMES.filter((t) => canReadFhir(client(["system/Patient.read", "system/Goal.rs"]), t))).toEqual(["Patient", "Goal"]);
    expect(FHIR_TYPE_NAMES.filter((t) => canReadFhir(client(["patient/*.read", "system/*.write", "user/Patient.read"]), t))).toEqual([]);
    expect(() => assertCanReadFhir(client(["system/Patient.read"]), "Observation")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => assertCanReadFhir(client(["system/*.read"]), "Patient", { clinicId: "c2" })).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
  it("scope strings are matched exactly", () => {
    expect(scopesCover(["system/Patient.read"], "Patient")).toBe(true);
    expect(scopesCover(["system/Patient.readx", "xsystem/Patient.read", "system/Patients.read"], "Patient")).toBe(false);
  });
});
