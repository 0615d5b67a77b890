import { z } from "zod";
import { text } from "@/lib/validation";

export const signInSchema = z.object({
  email: text()
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .email("Enter a valid email address.")
    .transform((s) => s.toLowerCase()),
  password: text().min(1, "Enter your password.").max(256, "That password is too long."),
});
export type SignInInput = z.input<typeof signInSchema>;
