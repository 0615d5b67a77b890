import { z } from "zod";
import { text } from "@/lib/validation";

/** Unpadded base64url of exactly `bytes` bytes. */
const base64url = (bytes: number) => text().refine((s) => new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`).test(s), "validation.enrolment.key");

export const enrolDeviceSchema = z.object({
  deviceId: z.uuid(),
  /** Ed25519 public key, raw 32 bytes */
  publicKey: base64url(32),
});
export type EnrolDeviceInput = z.input<typeof enrolDeviceSchema>;

export const pinChallengeSchema = z.object({ enrolmentId: z.uuid() });

export const pinSignInSchema = z.object({
  enrolmentId: z.uuid(),
  challengeId: z.uuid(),
  /** Ed25519 signature, 64 bytes */
  signature: base64url(64),
});

export const revokeEnrolmentSchema = z.object({ enrolmentId: z.uuid() });
export type RevokeEnrolmentInput = z.input<typeof revokeEnrolmentSchema>;
