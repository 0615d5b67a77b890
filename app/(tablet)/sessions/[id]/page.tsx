import type { Metadata } from "next";

export const metadata: Metadata = { title: "Session observation" };
export const dynamic = "force-static";
// One shell for every appointment: proxy.ts rewrites /sessions/<id> to /sessions/shell, the service
// worker answers any /sessions/<id> with it offline, and the tablet app reads the id from the address.
export const dynamicParams = false;
export function generateStaticParams() {
  return [{ id: "shell" }];
}

export default function SessionShell() {
  return null;
}
