import { z } from "zod";
import { text } from "@/lib/validation";
import { encodeMessage } from "@/lib/i18n/message-ref";
import { LOCALES } from "@/lib/i18n/locales";

// Messages are catalog keys (messages/*.json), translated where they are shown.

const MIN = 12;
export const newPassword = text()
  .min(MIN, encodeMessage("validation.tooShort", { minimum: MIN }))
  .max(256, encodeMessage("validation.tooLong", { maximum: 256 }));

const role = z.enum(["admin", "therapist", "assistant"], { error: "validation.users.role" });
const discipline = z
  .union([z.literal(""), z.enum(["PT", "OT", "SLP", "RT"])])
  .nullish()
  .transform((v) => (v ? v : null));

export const createUserSchema = z
  .object({
    name: text().trim().min(1, "validation.users.name").max(120, encodeMessage("validation.tooLong", { maximum: 120 })),
    email: text()
      .trim()
      .email("validation.email")
      .max(254, "validation.auth.emailTooLong")
      .transform((s) => s.toLowerCase()),
    role,
    title: text().trim().max(80, encodeMessage("validation.tooLong", { maximum: 80 })).default(""),
    discipline,
    initialPassword: newPassword,
  })
  .superRefine((v, ctx) => {
    if (v.role === "therapist" && !v.discipline) ctx.addIssue({ code: "custom", path: ["discipline"], message: "validation.users.discipline" });
  });
export type CreateUserInput = z.input<typeof createUserSchema>;

const userRef = { userId: z.uuid(), version: z.coerce.number().int().positive() };

export const setActiveSchema = z.object(userRef);
export const changeRoleSchema = z
  .object({ ...userRef, role, discipline })
  .superRefine((v, ctx) => {
    if (v.role === "therapist" && !v.discipline) ctx.addIssue({ code: "custom", path: ["discipline"], message: "validation.users.discipline" });
  });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;
export const resetPasswordSchema = z.object({ ...userRef, temporaryPassword: newPassword });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const supervisionSchema = z.object({
  assistantId: z.uuid("validation.users.assistant"),
  therapistId: z.uuid("validation.users.therapist"),
  assign: z.boolean(),
});
export type SupervisionInput = z.input<typeof supervisionSchema>;

export const caseloadSchema = z.object({
  assistantId: z.uuid("validation.users.assistant"),
  patientId: z.uuid("validation.users.patient"),
  assign: z.boolean(),
});
export type CaseloadInput = z.input<typeof caseloadSchema>;

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: text().min(1, "validation.users.currentPassword").max(256),
    newPassword,
    confirmPassword: text(),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "validation.users.passwordsDiffer" });
    if (v.newPassword === v.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: "validation.users.passwordUnchanged" });
  });
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordSchema>;

/** The account's language; "" = follow the browser. */
export const setOwnLocaleSchema = z.object({
  locale: z.union([z.literal(""), z.enum(LOCALES)], { error: "validation.option" }).transform((v) => (v === "" ? null : v)),
});
export type SetOwnLocaleInput = z.input<typeof setOwnLocaleSchema>;
