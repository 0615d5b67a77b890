import "server-only";
import { z } from "zod";
import { issueMessage } from "./zod-issues";

// Imported for its effect by the edges that parse user input (server actions, route handlers): zod's default
// messages become catalog keys there. Schema-level messages win over this map (zod's precedence).
z.config({ customError: (issue) => issueMessage(issue) });

export const ZOD_MESSAGES_ARE_KEYS = true;
