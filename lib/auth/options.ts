import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Role } from "@/db/schema";
import { logError } from "@/lib/log";
import { ENROLMENT_ENDED, SIGN_IN_RATE_LIMITED } from "@/lib/offline/protocol";
import { headerGetter, requestMeta } from "./request-meta";
import { ABSOLUTE_SESSION_HOURS } from "./session-rules";
import { loadSession, revokeSession } from "./sessions";
import { signIn } from "./sign-in";
import { signInWithPin } from "./sign-in-pin";

export const RATE_LIMITED_ERROR = SIGN_IN_RATE_LIMITED;
/** The tablet drops an enrolment answered with this (revoked, disabled, expired). */
export const ENROLMENT_ENDED_ERROR = ENROLMENT_ENDED;

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role; clinicId: string; clinicName: string; title: string | null };
  }
  interface User {
    sessionId: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

/**
 * next-auth carries only a session id in its signed, encrypted JWT cookie. Who the user is, their role
 * and whether the session still stands are read from the database on every request (lib/auth/session.ts),
 * so sign-out, deactivation and role changes take effect at once.
 */
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: ABSOLUTE_SESSION_HOURS * 3600, updateAge: 0 },
  jwt: { maxAge: ABSOLUTE_SESSION_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const meta = requestMeta(headerGetter(req?.headers));
        const result = await signIn({ email: credentials?.email, password: credentials?.password, ...meta });
        if (!result.ok) {
          if (result.reason === "rate_limited") throw new Error(RATE_LIMITED_ERROR);
          return null;
        }
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
    // A shared tablet's switch (README "Shared tablets"): the enrolment's signature over a fresh
    // challenge, made with the key the aide's PIN unwrapped on the tablet. The PIN never travels.
    CredentialsProvider({
      id: "pin",
      name: "Tablet PIN",
      credentials: { enrolmentId: { label: "Enrolment", type: "text" }, challengeId: { label: "Challenge", type: "text" }, signature: { label: "Signature", type: "text" } },
      async authorize(credentials, req) {
        const meta = requestMeta(headerGetter(req?.headers));
        const result = await signInWithPin({ enrolmentId: credentials?.enrolmentId, challengeId: credentials?.challengeId, signature: credentials?.signature, ...meta });
        if (!result.ok) {
          if (result.reason === "rate_limited") throw new Error(RATE_LIMITED_ERROR);
          if (result.reason === "ended") throw new Error(ENROLMENT_ENDED_ERROR);
          return null;
        }
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { sid: user.sessionId, sub: user.id };
      // Every later read of the session re-checks it; throwing makes next-auth answer with no session
      // and clear the cookie.
      if (!token.sid) throw new Error("No session id");
      const loaded = await loadSession(token.sid);
      if (!loaded.ok) throw new Error(`Session ended: ${loaded.reason}`);
      return token;
    },
    async session({ session, token }) {
      const loaded = token.sid ? await loadSession(token.sid) : null;
      if (!loaded?.ok) throw new Error("Session ended");
      const a = loaded.actor;
      return {
        expires: session.expires,
        user: { id: a.id, name: a.name, email: a.email, role: a.role, clinicId: a.clinicId, clinicName: a.clinic.name, title: a.title },
      };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(token.sid, "sign_out", { id: null, clinicId: null, ip: null, userAgent: null });
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is routine, not an error worth a stack trace.
      if (code === "JWT_SESSION_ERROR") return;
      logError(`next-auth.${code}`, metadata);
    },
    warn() {},
    debug() {},
  },
};
