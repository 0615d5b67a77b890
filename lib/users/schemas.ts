import { z } from "zod";
import { text } from "@/lib/validation";

const MIN = 12;
export const newPassword = text()
  .min(MIN, `At least ${MIN} characters.`)
  .max(256, "At most 256 characters.");

const role = z.enum(["admin", "therapist", "assistant"], { error: "Choose a role." });
const discipline = z
  .union([z.literal(""), z.enum(["PT", "OT", "SLP", "RT"])])
  .nullish()
  .transform((v) => (v ? v : null));

export const createUserSchema = z
  .object({
    name: text().trim().min(1, "Enter the person's name.").max(120, "At most 120 characters."),
    email: text()
      .trim()
      .email("Enter a valid email address.")
      .max(254, "That email address is too long.")
      .transform((s) => s.toLowerCase()),
    role,
    title: text().trim().max(80, "At most 80 characters.").default(""),
    discipline,
    initialPassword: newPassword,
  })
  .superRefine((v, ctx) => {
    if (v.role === "therapist" && !v.discipline) ctx.addIssue({ code: "custom", path: ["discipline"], message: "Choose the therapist's discipline." });
  });
export type CreateUserInput = z.input<typeof createUserSchema>;

const userRef = { userId: z.uuid(), version: z.coerce.number().int().positive() };

export const setActiveSchema = z.object(userRef);
export const changeRoleSchema = z
  .object({ ...userRef, role, discipline })
  .superRefine((v, ctx) => {
    if (v.role === "therapist" && !v.discipline) ctx.addIssue({ code: "custom", path: ["discipline"], message: "Choose the therapist's discipline." });
  });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;
export const resetPasswordSchema = z.object({ ...userRef, temporaryPassword: newPassword });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const supervisionSchema = z.object({
  assistantId: z.uuid("Choose an assistant."),
  therapistId: z.uuid("Choose a therapist."),
  assign: z.boolean(),
});
export type SupervisionInput = z.input<typeof supervisionSchema>;

export const caseloadSchema = z.object({
  assistantId: z.uuid("Choose an assistant."),
  patientId: z.uuid("Choose a patient."),
  assign: z.boolean(),
});
export type CaseloadInput = z.input<typeof caseloadSchema>;

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: text().min(1, "Enter your current password.").max(256),
    newPassword,
    confirmPassword: text(),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords differ." });
    if (v.newPassword === v.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a password different from the current one." });
  });
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordSchema>;
