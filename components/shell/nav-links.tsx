"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import type { NavItem } from "./nav";

/**
 * The main navigation. Items wrap onto a second row instead of scrolling sideways, so every item of every
 * role stays visible and reachable at tablet widths in every language (a scrolling bar cut "Supplies" to
 * "Su" with no cue that more was there).
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const t = useTranslations("nav");
  return (
    <nav aria-label={t("label")} className="order-last w-full min-w-0">
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const active = pathname === item.href || (item.href !== "/admin" && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex min-h-11 items-center whitespace-nowrap rounded-lg px-3 font-semibold text-muted-foreground hover:bg-muted",
                  active && "bg-muted text-foreground",
                )}
              >
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
