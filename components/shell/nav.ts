import type { Role } from "@/db/schema";

export type NavItem = { href: string; label: string };

/** Navigation by role. The server refuses these pages to other roles whatever this list says. */
export const NAV_BY_ROLE: Record<Role, NavItem[]> = {
  assistant: [
    { href: "/today", label: "Today" },
    { href: "/patients", label: "My patients" },
    { href: "/reports", label: "Reports" },
    { href: "/rooms", label: "Rooms" },
    { href: "/supplies", label: "Supplies" },
  ],
  therapist: [
    { href: "/review", label: "Review" },
    { href: "/patients", label: "Patients" },
    { href: "/reports", label: "Reports" },
    { href: "/rooms", label: "Rooms" },
  ],
  admin: [
    { href: "/admin", label: "Overview" },
    { href: "/schedule", label: "Schedule" },
    { href: "/admin/attendance", label: "Attendance" },
    { href: "/admin/people", label: "People" },
    { href: "/admin/patients", label: "Patients" },
    { href: "/rooms", label: "Rooms" },
    { href: "/supplies", label: "Supplies" },
    { href: "/admin/fhir", label: "EMR (FHIR)" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/admin/settings", label: "Settings" },
  ],
};
