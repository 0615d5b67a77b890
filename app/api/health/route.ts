import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Liveness and database check for load balancers and monitoring. No authentication, no data. */
export async function GET() {
  const db = await checkDatabase();
  return NextResponse.json(
    db.ok
      ? { status: "ok", database: "up", latencyMs: db.latencyMs }
      : { status: "unavailable", database: "down", message: "The database cannot be reached." },
    { status: db.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
