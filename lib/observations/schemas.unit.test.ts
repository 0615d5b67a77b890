import { describe, expect, it } from "vitest";
import { observationContentSchema, observationFormSchema, submitObservationSchema } from "./schemas";

const D = "0b0c2c4e-8a1b-4c3d-9e8f-0a1b2c3d4e5f";
const G = "1b0c2c4e-8a1b-4c3d-9e8f-0a1b2c3d4e5f";
const base = {
  tasks: [{ delegationId: D, done: null, note: "" }],
  goals: [{ goalId: G, value: "", assistLevel: "" }],
  attitude: null,
  attitudeTags: [],
  accomplishments: "",
  comfortAndNeeds: "",
  note: "",
  education: [],
};

describe("observation schema (shared by the form and the verbs)", () => {
  it("a half-done draft is a valid draft; empty goal values become null", () => {
    const d = observationContentSchema.parse(base);
    expect(d.goals[0]).toEqual({ goalId: G, value: null, assistLevel: null });
  });

  it("a submission needs every task marked, a reason for a task not done, an attitude, and an assist level with a value", () => {
    const r = observationFormSchema.safeParse({ ...base, goals: [{ goalId: G, value: "12", assistLevel: "" }] });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["tasks.0.done", "attitude", "goals.0.assistLevel"]));
    const notDone = observationFormSchema.safeParse({ ...base, tasks: [{ delegationId: D, done: false, note: "" }], attitude: 3 });
    expect(notDone.error!.issues.map((i) => i.path.join("."))).toEqual(["tasks.0.note"]);
  });

  it("a complete submission parses with its envelope; bad values are refused", () => {
    const ok = submitObservationSchema.parse({
      ...base,
      id: D,
      appointmentId: G,
      version: "0",
      tasks: [{ delegationId: D, done: true, note: "" }],
      goals: [{ goalId: G, value: "42.5", assistLevel: "minimal" }],
      attitude: 5,
      attitudeTags: ["engaged"],
      education: [{ topic: "Home exercises", audience: "caregiver", method: "handout", understanding: "full", language: "Spanish" }],
    });
    expect(ok.goals[0]!.value).toBe(42.5);
    expect(observationContentSchema.safeParse({ ...base, attitude: 6 }).success).toBe(false);
    expect(observationContentSchema.safeParse({ ...base, attitudeTags: ["grumpy"] }).success).toBe(false);
    expect(observationContentSchema.safeParse({ ...base, goals: [{ goalId: G, value: "lots", assistLevel: "" }] }).success).toBe(false);
    expect(
      observationContentSchema.safeParse({ ...base, education: [{ topic: "", audience: "patient", method: "verbal", understanding: "full", language: "English" }] }).success,
    ).toBe(false);
  });
});
