import type { Role } from "@/db/schema";

/** The signed-in user, as re-read from the database for this request. */
export type Actor = {
  id: string;
  clinicId: string;
  role: Role;
  name: string;
  email: string;
  title: string | null;
  /** the UI language saved on the account; null = the browser's (lib/i18n/locales.ts) */
  locale: string | null;
  sessionId: string | null;
  /** set by an admin's password reset or a new account: pages send them to /account/password first */
  mustChangePassword: boolean;
  clinic: { name: string; timeZone: string; idleTimeoutMinutes: number; signoffDeadlineHours: number | null };
  /** Where the request came from, for the audit trail. */
  ip: string | null;
  userAgent: string | null;
};

export const HOME_BY_ROLE: Record<Role, string> = {
  assistant: "/today",
  therapist: "/review",
  admin: "/admin",
};

export const ROLE_LABEL: Record<Role, string> = {
  assistant: "Assistant",
  therapist: "Therapist",
  admin: "Administrator",
};
