/**
 * Shared-tablet PIN rules, shared by the tablet (checked before enrolling) and the server. Plain code, no
 * server imports. NIST SP 800-63B: an activation secret of at least 6 digits, refusing values that are
 * easy to guess (repeated and sequential digits, repeated blocks, the most common PINs).
 */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;
/** Wrong PINs in a row before the server disables an enrolment (a full sign-in re-enrols). */
export const PIN_FAILURE_LIMIT = 10;
/** A challenge must be answered within this many seconds, once. */
export const PIN_CHALLENGE_SECONDS = 120;
export const MAX_PIN_ENROLMENT_DAYS = 365;

const COMMON = new Set(["112233", "123321", "147258", "159753", "101010", "111222", "121121", "789456", "852456", "963852", "147852", "123654", "102030", "198019", "200000", "100000"]);

export type PinProblem = "digits" | "length" | "guessable";

/** Why a PIN is refused, or null when it may be used. */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d+$/.test(pin)) return "digits";
  if (pin.length < PIN_MIN_DIGITS || pin.length > PIN_MAX_DIGITS) return "length";
  const d = [...pin].map(Number);
  const steps = d.slice(1).map((x, i) => (x - d[i]! + 10) % 10);
  // all the same (000000), or a run up or down (123456, 987654, 890123)
  if (steps.every((s) => s === steps[0]) && (steps[0] === 0 || steps[0] === 1 || steps[0] === 9)) return "guessable";
  // a short block repeated (121212, 123123, 12341234)
  for (let n = 1; n <= pin.length / 2; n++) {
    if (pin.length % n === 0 && pin.slice(0, n).repeat(pin.length / n) === pin) return "guessable";
  }
  // mirrored halves (123321), and the most common six-digit PINs
  if (COMMON.has(pin) || pin === [...pin].reverse().join("")) return "guessable";
  return null;
}

/** What the tablet signs with the enrolment's private key: bound to this enrolment and this challenge. */
export function pinChallengeMessage(enrolmentId: string, challengeId: string, nonce: string): string {
  return `theratrack/pin-sign-in/v1\n${enrolmentId}\n${challengeId}\n${nonce}`;
}

/** Two letters for the lock screen's list ("Ana Alvarez" → "AA"). */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((p) => [...p][0]!.toUpperCase()).join("") || "?";
}
