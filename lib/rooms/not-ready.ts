/** A room not ready this long before its first appointment of the day is flagged. */
export const NOT_READY_LEAD_MINUTES = 15;

/**
 * "Not ready: first session within 15 min": from 15 minutes before the room's first appointment until
 * it starts, while the room is not ready. Once that session has started the flag no longer helps
 * (issue 11 item 8). Pure and zod-free: the server's room queries and the tablet use it alike.
 */
export function isFlaggedNotReady(status: string, firstAppointmentAt: Date | null, now: Date): boolean {
  if (status === "ready" || !firstAppointmentAt) return false;
  const t = now.getTime();
  return t >= firstAppointmentAt.getTime() - NOT_READY_LEAD_MINUTES * 60_000 && t < firstAppointmentAt.getTime();
}
