/**
 * Server-action requests carry their arguments as React's "reply" encoding. For the plain values our
 * actions take, that is a JSON array in a text/plain body, where strings that start with "$" are
 * escaped ("$$…") or name a value type ("$undefined", "$D<date>"…). Anything else — broken JSON, a
 * non-array, a reference to a chunk the body does not contain — makes the framework throw a 500, so
 * proxy.ts answers it with a 400 before it gets there.
 */
const SAFE_DOLLAR = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D\d{4}-|n-?\d+$)/;
const MAX_DEPTH = 64;

export function isWellFormedActionBody(body: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return false;
  }
  if (!Array.isArray(value)) return false;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return false;
    if (typeof v === "string") {
      if (v.startsWith("$") && !SAFE_DOLLAR.test(v)) return false;
    } else if (v && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) {
        if (k === "__proto__" || k === "constructor" || k === "prototype") return false;
        stack.push([child, depth + 1]);
      }
    }
  }
  return true;
}
