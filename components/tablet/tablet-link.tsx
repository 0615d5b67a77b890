"use client";

import type { ComponentProps } from "react";
import { shellFor } from "@/lib/offline/shell-routes";

/**
 * A link between the assistant's offline pages. It changes the URL in place (the tablet app routes on
 * it), so the key stays in memory and nothing needs the network; any other link loads normally.
 */
export function TabletLink({ href, onClick, ...props }: ComponentProps<"a"> & { href: string }) {
  return (
    <a
      href={href}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0 || !shellFor(new URL(href, window.location.href).pathname)) return;
        e.preventDefault();
        window.history.pushState(null, "", href);
        window.scrollTo(0, 0);
      }}
      {...props}
    />
  );
}
