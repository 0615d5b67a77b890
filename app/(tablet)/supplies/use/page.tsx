import type { Metadata } from "next";

export const metadata: Metadata = { title: "Supplies" };
export const dynamic = "force-static";

/** Supplies use on the tablet (the tablet app in the layout); /supplies stays the server page for the desk. */
export default function SuppliesUseShell() {
  return null;
}
