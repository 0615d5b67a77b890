import "server-only";
import { createPublicKey } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions, clinics, pinEnrolments } from "@/db/schema";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { deviceLabel } from "./device-label";
import { enrolDeviceSchema } from "./enrolment-schemas";
import { assertCan } from "./permissions";

export type Enrolment = { enrolmentId: string; expiresAt: string };

/** The Ed25519 public key object, or a VALIDATION error when the bytes are not one. */
export function ed25519Key(publicKey: string) {
  try {
    return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicKey }, format: "jwk" });
  } catch {
    throw new AppError("VALIDATION", { key: "validation.enrolment.key" });
  }
}

/**
 * Enrol this tablet for the signed-in aide's PIN sign-in (README "Shared tablets"). Only from a session
 * opened with the password: a PIN session cannot renew its own enrolment, so the expiry and the
 * 10-wrong-PINs limit mean a full sign-in. Enrolling again on the same tablet replaces the old enrolment.
 */
export async function enrolDevice(actor: Actor, input: unknown): Promise<Enrolment> {
  assertCan(actor, "device:enrol");
  const data = enrolDeviceSchema.parse(input);
  ed25519Key(data.publicKey);
  if (!actor.sessionId) throw new AppError("FORBIDDEN", { key: "errors.enrolment.fullSignIn" });
  const sessionId = actor.sessionId;
  return getDb().transaction(async (tx) => {
    const [session] = await tx.select({ method: authSessions.method }).from(authSessions).where(eq(authSessions.id, sessionId));
    if (session?.method !== "password") throw new AppError("FORBIDDEN", { key: "errors.enrolment.fullSignIn" });
    const [clinic] = await tx.select({ days: clinics.pinEnrolmentDays }).from(clinics).where(eq(clinics.id, actor.clinicId));
    const now = new Date();
    const replaced = await tx
      .update(pinEnrolments)
      .set({ revokedAt: now, revokedBy: actor.id, revokedReason: "re-enrolled" })
      .where(and(eq(pinEnrolments.userId, actor.id), eq(pinEnrolments.deviceId, data.deviceId), isNull(pinEnrolments.revokedAt)))
      .returning({ id: pinEnrolments.id });
    const [row] = await tx
      .insert(pinEnrolments)
      .values({ clinicId: actor.clinicId, userId: actor.id, deviceId: data.deviceId, deviceLabel: deviceLabel(actor.userAgent), publicKey: data.publicKey, createdAt: now })
      .returning({ id: pinEnrolments.id });
    await tx.update(authSessions).set({ enrolmentId: row!.id }).where(eq(authSessions.id, sessionId));
    await audit(tx, actor, {
      action: "device.enrolled",
      entity: "pin_enrolment",
      entityId: row!.id,
      detail: { deviceId: data.deviceId, replaced: replaced.map((r) => r.id) },
    });
    return { enrolmentId: row!.id, expiresAt: new Date(now.getTime() + (clinic?.days ?? 30) * 86_400_000).toISOString() };
  });
}
