import { z } from "zod";
import { text as plainText } from "@/lib/validation";

export * from "./values";
import { ASSIST_LEVELS, ATTITUDE_TAGS, EDUCATION_AUDIENCES, EDUCATION_METHODS, UNDERSTANDING } from "./values";

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (max: number) => plainText().trim().max(max, `At most ${max} characters.`);

const taskSchema = z.object({
  delegationId: z.uuid(),
  /** null until the assistant taps done / not done */
  done: z.boolean().nullable(),
  note: text(1000),
});

const goalSchema = z.object({
  goalId: z.uuid(),
  /** typed on the tablet; empty = not measured this session */
  value: z
    .union([z.literal(""), z.coerce.number({ error: "validation.observations.number" }).min(0, "validation.observations.notNegative").max(100000, "validation.observations.tooLarge")])
    .transform((v) => (v === "" ? null : v)),
  assistLevel: z.union([z.literal(""), z.enum(keys(ASSIST_LEVELS))]).transform((v) => (v === "" ? null : v)),
});

const educationSchema = z.object({
  topic: text(300).min(1, "validation.observations.topic"),
  audience: z.enum(keys(EDUCATION_AUDIENCES), "validation.observations.audience"),
  method: z.enum(keys(EDUCATION_METHODS), "validation.observations.method"),
  understanding: z.enum(keys(UNDERSTANDING), "validation.observations.understanding"),
  language: text(60).min(1, "validation.observations.language"),
  /** the handout version given (method "handout"); the server checks it is linked to this patient */
  handoutVersionId: z
    .union([z.literal(""), z.uuid("validation.observations.handout")])
    .nullish()
    .transform((v) => (v ? v : null)),
}).refine((e) => !e.handoutVersionId || e.method === "handout", { path: ["method"], message: "validation.observations.handoutMethod" });

/** What the assistant types. Drafts must satisfy this; a submission must also satisfy the checks in
 * observationFormSchema. Shared by the form (zodResolver) and the verbs. */
export const observationContentSchema = z.object({
  tasks: z.array(taskSchema).max(50),
  goals: z.array(goalSchema).max(50),
  attitude: z.number().int().min(1, "validation.observations.oneToFive").max(5, "validation.observations.oneToFive").nullable(),
  attitudeTags: z.array(z.enum(keys(ATTITUDE_TAGS))).max(20),
  accomplishments: text(4000),
  comfortAndNeeds: text(4000),
  note: text(4000),
  education: z.array(educationSchema).max(20),
});

export type ObservationContent = z.output<typeof observationContentSchema>;

function submitChecks(v: ObservationContent, ctx: z.RefinementCtx) {
  v.tasks.forEach((t, i) => {
    if (t.done === null) ctx.addIssue({ code: "custom", path: ["tasks", i, "done"], message: "validation.observations.taskDone" });
    if (t.done === false && !t.note) ctx.addIssue({ code: "custom", path: ["tasks", i, "note"], message: "validation.observations.taskWhy" });
  });
  if (v.attitude === null) ctx.addIssue({ code: "custom", path: ["attitude"], message: "validation.observations.attitude" });
  v.goals.forEach((g, i) => {
    if (g.value !== null && g.assistLevel === null)
      ctx.addIssue({ code: "custom", path: ["goals", i, "assistLevel"], message: "validation.observations.assistLevel" });
  });
}

/** The form's schema: content plus the checks a submission needs. */
export const observationFormSchema = observationContentSchema.superRefine(submitChecks);
/** The form's values, as typed (goal values are text until parsed). */
export type ObservationFormValues = z.input<typeof observationContentSchema>;

const envelope = {
  /** made on the tablet (crypto.randomUUID), so a retried save or submit is the same entry */
  id: z.uuid("validation.observations.entryId"),
  appointmentId: z.uuid(),
  /** the version this edit is based on; 0 = not saved to the server yet */
  version: z.coerce.number().int().min(0),
};

export const saveObservationDraftSchema = observationContentSchema.extend(envelope);
export const submitObservationSchema = observationContentSchema.extend(envelope).superRefine(submitChecks);
export type ObservationEnvelope = { id: string; appointmentId: string; version: number };
export type ObservationInput = ObservationFormValues & ObservationEnvelope;

export type ObservationSaveResult = {
  id: string;
  version: number;
  status: "draft" | "submitted" | "returned" | "signed";
  savedAt: string;
  submittedAt: string | null;
  supervisingTherapist: string;
};
