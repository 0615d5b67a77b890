import "server-only";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { requestMeta } from "./request-meta";
import { loadSession } from "./sessions";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The signed-in user for this request, re-read from the database once per request; null if none. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw || !process.env.NEXTAUTH_SECRET) return null;
  let sid: unknown;
  try {
    sid = (await decode({ token: raw, secret: process.env.NEXTAUTH_SECRET }))?.sid;
  } catch {
    return null;
  }
  if (typeof sid !== "string") return null;
  const loaded = await loadSession(sid);
  if (!loaded.ok) return null;
  const meta = requestMeta((await headers()).get.bind(await headers()));
  return { ...loaded.actor, ...meta };
});

export const PASSWORD_CHANGE_PATH = "/account/password";
type Opts = { allowPasswordChange?: boolean };

/** Pages and layouts: the signed-in user, or a redirect to sign-in. Someone who must set a new
 * password (after a reset) is sent to that page first; only it passes `allowPasswordChange`. */
export async function requireUser(opts: Opts = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login?reason=signed-out");
  if (actor.mustChangePassword && !opts.allowPasswordChange) redirect(PASSWORD_CHANGE_PATH);
  return actor;
}

/** Server actions and route handlers: the signed-in user, or UNAUTHENTICATED (FORBIDDEN while a new
 * password is due, except for the action that sets it). */
export async function requireActor(opts: Opts = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", { key: "errors.unauthenticated" });
  if (actor.mustChangePassword && !opts.allowPasswordChange) throw new AppError("FORBIDDEN", { key: "errors.passwordDue" });
  return actor;
}

/** Record a refused access (DESIGN rule 9). Never throws: the refusal itself must still happen. */
export async function auditDenied(actor: Actor, what: string, detail: Record<string, unknown> = {}): Promise<void> {
  try {
    await audit(getDb(), actor, { action: "access.denied", entity: "route", entityId: what.slice(0, 200), detail });
  } catch {
    /* the database may be down; the refusal stands */
  }
}

/** Pages: the signed-in user if their role has the permission; otherwise an audited 403. */
export async function requirePermission(permission: Permission, where: string): Promise<Actor> {
  const actor = await requireUser();
  if (!can(actor, permission)) {
    await auditDenied(actor, where, { permission });
    forbidden();
  }
  return actor;
}
