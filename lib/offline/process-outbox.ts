import "server-only";
import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import { getDb, withAmbientTransaction, type Tx } from "@/db/client";
import { outboxMutations } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, isDatabaseUnavailable, pgErrorCode } from "@/lib/errors";
import { localizeFieldErrors, localizeText, type Translate } from "@/lib/i18n/message-ref";
import { actorLocale } from "@/lib/i18n/actor-locale";
import { translatorFor } from "@/lib/i18n/translate";
import { logError, logInfo } from "@/lib/log";
import type { ParsedMutation } from "./outbox-schema";
import { OUTBOX_VERBS } from "./outbox-verbs";
import type { FinalOutcome, OutboxResult } from "./protocol";

type Answer = Pick<OutboxResult, "code" | "message" | "fieldErrors" | "data">;
type Final = { outcome: FinalOutcome } & Answer;

// serialization failure, deadlock, lock not available, query cancelled: try the same mutation again
const TRANSIENT_SQLSTATES = new Set(["40001", "40P01", "55P03", "57014"]);

/**
 * Replay a tablet's outbox, in the order given, one transaction per mutation. Each mutation runs the
 * same verb as its server action (assertCan → zod → guardrails → its writes + audit), inside a
 * savepoint of a transaction that first claims the mutation's id in the ledger and then stores the
 * answer, so the verb's writes and the ledger row commit together: a replay changes nothing and gets
 * the first answer back. Final refusals are recorded too. A transient failure records nothing and
 * stops the batch there (the rest would likely fail the same way, and later ones may depend on it).
 * Every answer's message is in the sender's language (outbox.*, and the verbs' own keys): the tablet shows
 * the string it gets.
 */
export async function processOutbox(actor: Actor, mutations: ParsedMutation[]): Promise<OutboxResult[]> {
  assertCan(actor, "offline:sync");
  const t = translatorFor(await actorLocale(actor));
  const results: OutboxResult[] = [];
  let stoppedBy: string | null = null;
  for (const m of mutations) {
    if (stoppedBy) {
      results.push({ id: m.id, outcome: "retry", code: "NOT_ATTEMPTED", message: t("outbox.notAttempted", { id: stoppedBy }) });
      continue;
    }
    const r = await processOne(actor, m, t);
    results.push(r);
    if (r.outcome === "retry") stoppedBy = m.id;
  }
  return results;
}

async function processOne(actor: Actor, m: ParsedMutation, t: Translate): Promise<OutboxResult> {
  try {
    return await getDb().transaction(async (tx) => {
      const claimed = await tx
        .insert(outboxMutations)
        .values({ id: m.id, clinicId: actor.clinicId, actorId: actor.id, kind: m.kind, clientCreatedAt: new Date(m.createdAt) })
        .onConflictDoNothing({ target: outboxMutations.id })
        .returning({ id: outboxMutations.id });
      if (!claimed.length) return replayed(tx, actor, m, t);

      let answer: Final;
      if (m.basedOn) {
        const base = await baseVersion(tx, actor, m.basedOn, t);
        if (base === "not-yet") throw new BaseNotProcessed();
        answer = typeof base === "number" ? await runVerb(tx, actor, { ...m, payload: { ...m.payload, version: base } }, t) : base;
      } else answer = await runVerb(tx, actor, m, t);
      await tx
        .update(outboxMutations)
        .set({ outcome: answer.outcome, answer: stored(answer), completedAt: new Date() })
        .where(eq(outboxMutations.id, m.id));
      return { id: m.id, ...answer };
    });
  } catch (err) {
    return retryOf(m, err, t);
  }
}

class BaseNotProcessed extends Error {}

/** The version the `basedOn` mutation's answer produced; "not-yet" if the server has not processed it
 * (rolled back and retried); a final conflict if it did not apply or has no version. */
async function baseVersion(tx: Tx, actor: Actor, baseId: string, t: Translate): Promise<number | "not-yet" | Final> {
  const [base] = await tx.select().from(outboxMutations).where(eq(outboxMutations.id, baseId));
  if (!base || base.actorId !== actor.id || base.outcome === "pending") return "not-yet";
  const version = (base.answer.data as { version?: unknown } | undefined)?.version;
  if (base.outcome === "applied" && typeof version === "number") return version;
  return {
    outcome: "conflict",
    code: "CONFLICT",
    // the earlier answer's message was worded when it was given, in the sender's language then
    message: base.answer.message ? t("outbox.basedOnUnsavedBecause", { reason: String(base.answer.message) }) : t("outbox.basedOnUnsaved"),
  };
}

/** The id is in the ledger already: the first answer, if it is this user's; else nothing leaks. */
async function replayed(tx: Tx, actor: Actor, m: ParsedMutation, t: Translate): Promise<OutboxResult> {
  const [row] = await tx.select().from(outboxMutations).where(eq(outboxMutations.id, m.id));
  if (!row || row.actorId !== actor.id || row.clinicId !== actor.clinicId || row.outcome === "pending") {
    await audit(tx, actor, { action: "access.denied", entity: "outbox_mutation", entityId: m.id, detail: { kind: m.kind, code: "NOT_FOUND" } });
    return { id: m.id, outcome: "refused", code: "NOT_FOUND", message: t("errors.notFound.record") };
  }
  const first = row.answer as Answer;
  return { id: m.id, outcome: "duplicate", firstOutcome: row.outcome, ...first };
}

/** The verb in a savepoint, with getDb() answering this transaction. A final refusal rolls back to
 * the savepoint and is returned; anything else is thrown and rolls back the claim too. */
async function runVerb(tx: Tx, actor: Actor, m: ParsedMutation, t: Translate): Promise<Final> {
  try {
    const data = await tx.transaction((sp) => withAmbientTransaction(sp, () => OUTBOX_VERBS[m.kind](actor, m.payload)));
    return { outcome: "applied", data };
  } catch (err) {
    const final = finalAnswer(err, t);
    if (!final) throw err;
    if (final.code === "FORBIDDEN" || final.code === "NOT_FOUND") {
      await audit(tx, actor, { action: "access.denied", entity: "outbox_mutation", entityId: m.id, detail: { kind: m.kind, code: final.code } });
    }
    return final;
  }
}

/** A verb's refusal for the tablet, its keys (AppError, zod issues) in the sender's language. Exported for
 * its test. */
export function finalAnswer(err: unknown, t: Translate): Final | null {
  if (err instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of err.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(localizeText(t, issue.message));
    return { outcome: "refused", code: "VALIDATION", message: t("errors.validation"), fieldErrors };
  }
  // the same input fails the same way every time: a final answer, not an endless retry
  const sqlstate = pgErrorCode(err);
  if (sqlstate?.startsWith("22")) {
    logInfo("outbox.data_exception", { sqlstate });
    return { outcome: "refused", code: "VALIDATION", message: t("outbox.cannotStore") };
  }
  if (sqlstate?.startsWith("23")) {
    logInfo("outbox.integrity_violation", { sqlstate });
    return { outcome: "conflict", code: "CONFLICT", message: t("outbox.clashes") };
  }
  if (!(err instanceof AppError)) return null;
  const message = messageOf(err, t);
  const base = { code: err.code, message, ...(err.fieldErrors ? { fieldErrors: localizeFieldErrors(t, err.fieldErrors)! } : {}) } as const;
  if (err.code === "CONFLICT") return { outcome: "conflict", ...base, code: "CONFLICT" };
  if (err.code === "FORBIDDEN" || err.code === "NOT_FOUND" || err.code === "VALIDATION") return { outcome: "refused", ...base, code: err.code };
  return null; // UNAUTHENTICATED cannot happen mid-batch; RATE_LIMITED and UNAVAILABLE are retried
}

function stored(a: Final): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ code: a.code, message: a.message, fieldErrors: a.fieldErrors, data: a.data }).filter(([, v]) => v !== undefined));
}

/** An AppError's message in the reader's language: its key, or its text if that is an encoded key. */
function messageOf(err: AppError, t: Translate): string {
  return err.messageKey ? t(err.messageKey, err.messageValues) : localizeText(t, err.message);
}

/** A mutation to send again later, its message in the sender's language. Exported for its test. */
export function retryOf(m: ParsedMutation, err: unknown, t: Translate): OutboxResult {
  if (err instanceof BaseNotProcessed) {
    return { id: m.id, outcome: "retry", code: "NOT_ATTEMPTED", message: t("outbox.waitingForBase") };
  }
  if (isDatabaseUnavailable(err) || (err instanceof AppError && err.code === "UNAVAILABLE")) {
    return { id: m.id, outcome: "retry", code: "UNAVAILABLE", message: t("outbox.databaseDown") };
  }
  if (err instanceof AppError && err.code === "RATE_LIMITED") return { id: m.id, outcome: "retry", code: "RATE_LIMITED", message: messageOf(err, t) };
  const sqlstate = pgErrorCode(err);
  if (sqlstate && TRANSIENT_SQLSTATES.has(sqlstate)) {
    return { id: m.id, outcome: "retry", code: "UNAVAILABLE", message: t("outbox.busy") };
  }
  // the driver's own error, not drizzle's wrapper: that one lists the query's parameters (patient data)
  logError("outbox.mutation_failed", (err as { cause?: unknown }).cause ?? err, { kind: m.kind, mutationId: m.id });
  return { id: m.id, outcome: "retry", code: "INTERNAL", message: t("outbox.internal") };
}
