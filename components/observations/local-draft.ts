import type { ObservationFormValues } from "@/lib/observations/schemas";

/** What the tablet keeps between reloads: the entry id, the server version the work is based on,
 * and the values as typed. Cleared after a successful submit. */
export type LocalDraft = {
  id: string;
  version: number;
  values: ObservationFormValues;
  at: string;
  /** a server save was sent and its answer not yet seen: the server may be one version ahead */
  pending?: boolean;
};

/**
 * On load, whether to take back what the tablet kept: yes when it is for the same entry and based on
 * the server's version, or one version behind when its last save was sent but never answered (the
 * save landed and the reply was lost: that next version is ours). Otherwise another tab or tablet
 * saved since, and its newer version wins.
 */
export function restoreDecision(stored: LocalDraft | null, server: { id: string; version: number } | null): "local" | "discard" | "none" {
  if (!stored) return "none";
  if (server && stored.id !== server.id) return "discard";
  const serverVersion = server?.version ?? 0;
  if (stored.version >= serverVersion) return "local";
  if (stored.pending && serverVersion === stored.version + 1) return "local";
  return "discard";
}

const key = (appointmentId: string) => `theratrack:observation:${appointmentId}`;

export function readLocalDraft(appointmentId: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(appointmentId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<LocalDraft>;
    return typeof d.id === "string" && typeof d.version === "number" && d.values ? (d as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(appointmentId: string, draft: LocalDraft): boolean {
  try {
    window.localStorage.setItem(key(appointmentId), JSON.stringify(draft));
    return true;
  } catch {
    return false; // storage full or disabled: the server copy still works
  }
}

export function clearLocalDraft(appointmentId: string): void {
  try {
    window.localStorage.removeItem(key(appointmentId));
  } catch {
    /* nothing to clear */
  }
}

/** crypto.randomUUID needs a secure context; tablets on a plain-http LAN address may not have one. */
export function newEntryId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
