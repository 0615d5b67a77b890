"use client";

import { ChevronDown, KeyRound, LogOut } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useHydrated } from "@/components/ui/use-hydrated";

export function UserMenu({ name, role, title, clinic }: { name: string; role: string; title: string | null; clinic: string }) {
  // Disabled until hydrated: the menu cannot open before then, and the tap would be lost.
  const hydrated = useHydrated();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" disabled={!hydrated} aria-label={`Account menu for ${name}`}>
          <span className="max-w-40 truncate">{name}</span>
          <ChevronDown aria-hidden className="h-4 w-4" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>
          <span className="block font-semibold text-foreground">{name}</span>
          <span className="block">
            {role}
            {title ? ` · ${title}` : ""}
          </span>
          <span className="block">{clinic}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account/password">
            <KeyRound aria-hidden className="h-5 w-5" />
            Change password
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/login?reason=signed-out" })}>
          <LogOut aria-hidden className="h-5 w-5" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
