import type { Role } from "@/db/schema";

export type NavItem = { href: string; label: string };

/** Navigation by role. The server refuses these pages to other roles whatever this list says. */
export const NAV_BY_ROLE: Record<Role, NavItem[]> = {
  assistant: [
    { href: "/today", label: "Today" },
    { href: "/patients", label: "My patients" },
    { href: "/reports", label: "Reports" },
  ],
  therapist: [
    { href: "/review", label: "Review" },
    { href: "/patients", label: "Patients" },
    { href: "/reports", label: "Reports" },
  ],
  admin: [
    { href: "/admin", label: "Overview" },
    { href: "/patients", label: "Patients" },
    { href: "/review/overdue", label: "Overdue sign-off" },
    { href: "/admin/settings", label: "Settings" },
  ],
};
