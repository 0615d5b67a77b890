import { z } from "zod";
import { text } from "@/lib/validation";

// Messages are catalog keys (messages/*.json), translated where they are shown.
export const signInSchema = z.object({
  email: text()
    .trim()
    .min(1, "validation.auth.emailRequired")
    .max(254, "validation.auth.emailTooLong")
    .email("validation.email")
    .transform((s) => s.toLowerCase()),
  password: text().min(1, "validation.auth.passwordRequired").max(256, "validation.auth.passwordTooLong"),
});
export type SignInInput = z.input<typeof signInSchema>;
