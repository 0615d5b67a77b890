import "server-only";

/** Structured logs to stdout. Never pass patient data: ids and codes only. */
export function logError(event: string, err: unknown, context: Record<string, string | number | undefined> = {}): void {
  const e = err as { name?: string; message?: string; code?: string; stack?: string };
  process.stderr.write(
    `${JSON.stringify({ level: "error", at: new Date().toISOString(), event, ...context, error: e?.name, code: e?.code, message: e?.message, stack: e?.stack?.split("\n").slice(0, 6).join(" | ") })}\n`,
  );
}

export function logInfo(event: string, context: Record<string, string | number | boolean | undefined> = {}): void {
  process.stdout.write(`${JSON.stringify({ level: "info", at: new Date().toISOString(), event, ...context })}\n`);
}
