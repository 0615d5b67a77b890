import type { Messages } from "./catalogs";

/**
 * The catalog namespaces each part of the app sends to the browser, in one place. Server components read the
 * catalogs through getTranslations and need nothing here; only client components (useTranslations in a
 * "use client" file, or a plain component imported by one) need their namespaces on the client. Everything
 * else stays on the server, so a page's HTML/RSC payload carries a few namespaces, not both whole catalogs.
 * A part's namespaces go through `<ClientMessages part="…">` (components/i18n/client-messages.tsx): the root
 * layout, the clinic shell, and the pages whose client forms need their own (inside the page, after its
 * permission check, so a refused request never carries them). A nested provider replaces the outer one for
 * its subtree, so each list names everything the client components under it use.
 * Client-safe (types only).
 */
type Namespace = keyof Messages;
/** A namespace, or one message or subtree of it ("errors.offlineNotSaved"). */
type Part = Namespace | `${Namespace}.${string}`;

/** What every client form uses: shared labels, the "cannot reach the server" message, and zod issues
 * (validation.*, keys that arrive as data). Server answers arrive translated already (lib/action-result.ts). */
const FORMS = ["common", "errors.offlineNotSaved", "validation"] as const satisfies readonly Part[];

export const CLIENT_MESSAGES = {
  /** app/error.tsx */
  root: ["common", "errorPage"],
  /** the clinic shell: navigation, account menu, idle lock (which signs in again with the login form) */
  shell: ["nav", "shell", "auth", "validation"],
  login: ["auth", "validation"],
  account: [...FORMS, "account", "errors.offline"],
  settings: [...FORMS, "settings"],
  people: [...FORMS, "createUser", "personForms", "roles"],
  adminPatient: [...FORMS, "patientForm", "personForms"],
  review: [...FORMS, "reviewForms"],
  reportPrint: ["reports"],
  care: [...FORMS, "careForms", "taskTypes"],
  /** the patient's page: progress charts, and the assistant's urgent-concern buttons (components/reports/raise-concern.tsx) */
  progress: [...FORMS, "charts", "assistLevels", "attendance", "raiseConcern", "concernKinds"],
  /** the handout pages' forms (their labels come from the server as props) */
  handouts: [...FORMS],
  /** the tablets page's revoke buttons */
  devices: [...FORMS],
  schedule: [...FORMS, "scheduleForms"],
  rooms: [...FORMS, "roomForms", "roomKinds", "equipmentStatus"],
  supplies: [...FORMS, "supplyForms"],
  /** the FHIR admin pages: the client registration and patient import forms, the revoke buttons */
  fhir: [...FORMS, "fhirForms"],
} as const satisfies Record<string, readonly Part[]>;

export type ClientPart = keyof typeof CLIENT_MESSAGES;

type Tree = { [k: string]: unknown };

/** The namespaces (or messages) of `part`, taken from a locale's whole catalog, in the catalog's shape. */
export function pickMessages(messages: Tree, part: ClientPart): Tree {
  const out: Tree = {};
  for (const path of CLIENT_MESSAGES[part] as readonly string[]) {
    const keys = path.split(".");
    let from: unknown = messages;
    for (const k of keys) from = from && typeof from === "object" && Object.hasOwn(from, k) ? (from as Tree)[k] : undefined;
    if (from === undefined) continue;
    let to = out;
    for (const k of keys.slice(0, -1)) to = (to[k] ??= {}) as Tree;
    to[keys.at(-1)!] = from;
  }
  return out;
}
