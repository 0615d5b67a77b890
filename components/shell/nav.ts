import type { Role } from "@/db/schema";
import type { Messages } from "@/lib/i18n/catalogs";

export type NavItem = { href: string; label: keyof Messages["nav"] };

/** Navigation by role (labels are keys of the `nav` catalog). The server refuses these pages to other
 * roles whatever this list says. */
export const NAV_BY_ROLE: Record<Role, NavItem[]> = {
  // the assistant's rooms, supplies and report writing are the tablet's offline screens
  // (lib/offline/shell-routes.ts; the report screen links to the list); therapists and admins keep
  // the server pages /rooms and /supplies
  assistant: [
    { href: "/today", label: "today" },
    { href: "/patients", label: "myPatients" },
    { href: "/reports/write", label: "reports" },
    { href: "/prep", label: "rooms" },
    { href: "/supplies/use", label: "supplies" },
  ],
  therapist: [
    { href: "/review", label: "review" },
    { href: "/patients", label: "patients" },
    { href: "/reports", label: "reports" },
    { href: "/handouts", label: "handouts" },
    { href: "/rooms", label: "rooms" },
  ],
  admin: [
    { href: "/admin", label: "overview" },
    { href: "/schedule", label: "schedule" },
    { href: "/admin/attendance", label: "attendance" },
    { href: "/admin/people", label: "people" },
    { href: "/admin/patients", label: "patients" },
    { href: "/rooms", label: "rooms" },
    { href: "/supplies", label: "supplies" },
    { href: "/admin/devices", label: "devices" },
    { href: "/admin/fhir", label: "fhir" },
    { href: "/admin/audit", label: "auditLog" },
    { href: "/admin/settings", label: "settings" },
  ],
};
