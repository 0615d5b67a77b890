import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "./client";
import { appointments, educationGiven, handoutLinks, handouts, handoutVersions, observations, type HandoutContent } from "./schema";

type Key = (k: string) => string;

type SeedHandout = {
  key: string;
  author: string;
  discipline: "PT" | "OT" | "SLP" | "RT";
  /** every version's text, oldest first */
  versions: HandoutContent[];
  /** [patient, "goal:<index>" | "delegation:<assistant>:<task type>"] */
  links: [string, string][];
};

const WALKER_V1: HandoutContent = {
  en: {
    title: "Walking safely at home with your walker",
    steps: ["Stand up first, then reach for the walker.", "Move the walker one step ahead.", "Step in with the weaker leg, then the stronger leg.", "Walk to the end of the hallway and back."],
    precautions: ["Stop and sit down if you feel dizzy.", "Wear shoes with closed heels."],
    frequency: "Twice a day",
  },
  es: {
    title: "Caminar con seguridad en casa con su andadera",
    steps: ["Primero póngase de pie y luego tome la andadera.", "Mueva la andadera un paso hacia adelante.", "Avance primero con la pierna más débil y luego con la más fuerte.", "Camine hasta el final del pasillo y regrese."],
    precautions: ["Deténgase y siéntese si se siente mareado.", "Use zapatos cerrados en el talón."],
    frequency: "Dos veces al día",
  },
};

const WALKER_V2: HandoutContent = {
  en: { ...WALKER_V1.en, steps: [...WALKER_V1.en.steps, "Turn slowly in small steps; never pivot on one foot."] },
  es: { ...WALKER_V1.es, steps: [...WALKER_V1.es.steps, "Gire despacio con pasos cortos; nunca gire sobre un solo pie."] },
};

const HANDOUTS: Record<"sunrise" | "harbor", SeedHandout[]> = {
  sunrise: [
    { key: "walker", author: "peter", discipline: "PT", versions: [WALKER_V1, WALKER_V2], links: [["p01", "goal:0"]] },
    {
      key: "sit-to-stand",
      author: "peter",
      discipline: "PT",
      versions: [
        {
          en: {
            title: "Sit-to-stand practice",
            steps: ["Sit at the front of a firm chair, feet flat.", "Lean forward, nose over toes.", "Stand up without using your hands.", "Sit down slowly. Repeat 10 times."],
            precautions: ["Keep your hips above your knees (hip precautions).", "Have someone nearby the first week."],
            frequency: "3 sets, once a day",
          },
          es: {
            title: "Práctica de sentarse y pararse",
            steps: ["Siéntese al borde de una silla firme, con los pies apoyados.", "Inclínese hacia adelante, la nariz sobre los dedos de los pies.", "Póngase de pie sin usar las manos.", "Siéntese despacio. Repita 10 veces."],
            precautions: ["Mantenga las caderas más altas que las rodillas (precauciones de cadera).", "Que alguien esté cerca la primera semana."],
            frequency: "3 series, una vez al día",
          },
        },
      ],
      links: [["p01", "delegation:ana:therapeutic_exercise"]],
    },
    {
      key: "buttons",
      author: "olivia",
      discipline: "OT",
      versions: [
        {
          en: {
            title: "Button practice at home",
            steps: ["Start with the large buttons on the practice board.", "Hold the button with thumb and first finger.", "Push it halfway through the hole, then pull it through.", "Move to medium buttons when the large ones are easy."],
            precautions: ["Sit on the floor mat or a low chair (seizure precautions).", "Never leave the child alone while practising."],
            frequency: "10 minutes, once a day",
          },
          es: {
            title: "Práctica de abotonar en casa",
            steps: ["Empiece con los botones grandes del tablero de práctica.", "Sostenga el botón con el pulgar y el índice.", "Empújelo hasta la mitad del ojal y luego jálelo.", "Pase a los botones medianos cuando los grandes sean fáciles."],
            precautions: ["Siéntese en la colchoneta o en una silla baja (precauciones por convulsiones).", "Nunca deje al niño solo mientras practica."],
            frequency: "10 minutos, una vez al día",
          },
        },
      ],
      links: [["p03", "goal:0"]],
    },
  ],
  harbor: [
    {
      key: "walker",
      author: "theo",
      discipline: "PT",
      versions: [WALKER_V1],
      links: [["p01", "goal:0"]],
    },
  ],
};

/**
 * Demo handouts in English and Spanish (issue 13 item 3), linked to demo goals and delegations, and one
 * education record that used a handout (Lucía's family, in Spanish, on her latest submitted entry). Idempotent:
 * fixed ids, ON CONFLICT DO NOTHING.
 */
export async function seedHandouts(tx: Tx, clinicKey: "sunrise" | "harbor", id: Key, clinicId: string, now = new Date()): Promise<void> {
  const uid = (k: string) => id(`user:${k}`);
  for (const h of HANDOUTS[clinicKey]) {
    const handoutId = id(`handout:${h.key}`);
    await tx
      .insert(handouts)
      .values({ id: handoutId, clinicId, discipline: h.discipline, createdBy: uid(h.author), currentVersion: h.versions.length, createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    await tx
      .insert(handoutVersions)
      .values(h.versions.map((content, i) => ({ id: id(`handout:${h.key}:v${i + 1}`), clinicId, handoutId, version: i + 1, content, createdBy: uid(h.author), createdAt: new Date(now.getTime() - (h.versions.length - i) * 86_400_000) })))
      .onConflictDoNothing();
    for (const [patient, target] of h.links) {
      const [kind, ...rest] = target.split(":");
      await tx
        .insert(handoutLinks)
        .values({
          id: id(`handout-link:${h.key}:${patient}:${target}`),
          clinicId,
          handoutId,
          patientId: id(`patient:${patient}`),
          goalId: kind === "goal" ? id(`goal:${patient}:${rest[0]}`) : null,
          delegationId: kind === "delegation" ? id(`delegation:${patient}:${rest[0]}:${rest[1]}`) : null,
          linkedBy: uid(h.author),
          linkedAt: now,
        })
        .onConflictDoNothing();
    }
  }
  if (clinicKey !== "sunrise") return;
  const [latest] = await tx
    .select({ id: observations.id })
    .from(observations)
    .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
    .where(and(eq(observations.patientId, id("patient:p03")), eq(observations.status, "submitted")))
    .orderBy(desc(appointments.startsAt))
    .limit(1);
  if (!latest) return;
  await tx
    .insert(educationGiven)
    .values({
      id: id("education:p03:buttons"),
      observationId: latest.id,
      topic: "Práctica de abotonar en casa",
      audience: "family",
      method: "handout",
      understanding: "partial",
      language: "Spanish",
      handoutVersionId: id("handout:buttons:v1"),
      position: 0,
    })
    .onConflictDoNothing();
}
