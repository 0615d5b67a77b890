import { z } from "zod";

// Messages are catalog keys (messages/*.json), translated where they are shown.
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "validation.auth.emailRequired")
    .max(254, "validation.auth.emailTooLong")
    .email("validation.email")
    .transform((s) => s.toLowerCase()),
  password: z.string().min(1, "validation.auth.passwordRequired").max(256, "validation.auth.passwordTooLong"),
});
export type SignInInput = z.input<typeof signInSchema>;
