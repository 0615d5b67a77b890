import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

const handler = NextAuth(authOptions);

/** next-auth's client posts urlencoded forms; any other body (e.g. broken JSON) would throw inside
 * next-auth and surface as a 500, so it is refused here as the client error it is. */
async function post(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) {
    return NextResponse.json({ error: "Send the form as application/x-www-form-urlencoded." }, { status: 415 });
  }
  return handler(req, ctx);
}

export { handler as GET, post as POST };
