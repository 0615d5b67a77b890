/** Code systems and value maps shared by the FHIR mappers and the patient import. */
export const SYSTEM = {
  mrnType: "http://terminology.hl7.org/CodeSystem/v2-0203",
  ucum: "http://unitsofmeasure.org",
  bcp47: "urn:ietf:bcp:47",
  obsCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  actCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  participationType: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
  provenanceAgent: "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
  signatureType: "urn:iso-astm:E1762-95:2013",
  loinc: "http://loinc.org",
  nucc: "http://nucc.org/provider-taxonomy",
  goalAchievement: "http://terminology.hl7.org/CodeSystem/goal-achievement",
  interpreterRequired: "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired",
  // TheraTrack's own codes (no standard terminology covers them)
  assistLevel: "urn:theratrack:codesystem:assist-level",
  observationKind: "urn:theratrack:codesystem:observation-kind",
  taskType: "urn:theratrack:codesystem:task-type",
  staffRole: "urn:theratrack:codesystem:staff-role",
} as const;

/** The MRN identifier system of one clinic. */
export const mrnSystem = (clinicId: string) => `urn:theratrack:clinic:${clinicId}:mrn`;

export const US_CORE_PATIENT = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient";

/** Goal units that have a UCUM code; others are sent as text only (no system, no code). */
const UCUM: Record<string, { code: string; unit: string }> = {
  ft: { code: "[ft_i]", unit: "ft" },
  feet: { code: "[ft_i]", unit: "ft" },
  in: { code: "[in_i]", unit: "in" },
  m: { code: "m", unit: "m" },
  meters: { code: "m", unit: "m" },
  cm: { code: "cm", unit: "cm" },
  s: { code: "s", unit: "s" },
  sec: { code: "s", unit: "s" },
  seconds: { code: "s", unit: "s" },
  min: { code: "min", unit: "min" },
  minutes: { code: "min", unit: "min" },
  degrees: { code: "deg", unit: "deg" },
  deg: { code: "deg", unit: "deg" },
  "%": { code: "%", unit: "%" },
  percent: { code: "%", unit: "%" },
  kg: { code: "kg", unit: "kg" },
  lb: { code: "[lb_av]", unit: "lb" },
  lbs: { code: "[lb_av]", unit: "lb" },
  reps: { code: "{reps}", unit: "reps" },
  repetitions: { code: "{reps}", unit: "reps" },
  steps: { code: "{steps}", unit: "steps" },
};
export const ucumFor = (unit: string) => UCUM[unit.trim().toLowerCase()] ?? null;

/** Preferred languages as stored (English names) ↔ BCP-47 tags. */
const LANGUAGES: Record<string, string> = {
  English: "en",
  Spanish: "es",
  Vietnamese: "vi",
  Mandarin: "zh",
  Chinese: "zh",
  Cantonese: "yue",
  Tagalog: "tl",
  Korean: "ko",
  Russian: "ru",
  Arabic: "ar",
  Armenian: "hy",
  Farsi: "fa",
  Persian: "fa",
  Japanese: "ja",
  Portuguese: "pt",
  French: "fr",
  German: "de",
  Italian: "it",
  Hindi: "hi",
  Punjabi: "pa",
  Polish: "pl",
  Hmong: "hmn",
  Khmer: "km",
  "American Sign Language": "ase",
};
export const languageCode = (name: string): string | null => LANGUAGES[name.trim()] ?? null;
export const languageName = (code: string): string | null => Object.entries(LANGUAGES).find(([, c]) => c === code.toLowerCase())?.[0] ?? null;

export const ASSIST_LABEL: Record<string, string> = {
  independent: "Independent",
  supervision: "Supervision",
  minimal: "Minimal assistance",
  moderate: "Moderate assistance",
  maximal: "Maximal assistance",
  dependent: "Dependent",
};

export const DISCIPLINE: Record<string, { nucc: string; display: string }> = {
  PT: { nucc: "225100000X", display: "Physical Therapist" },
  OT: { nucc: "225X00000X", display: "Occupational Therapist" },
  SLP: { nucc: "235Z00000X", display: "Speech-Language Pathologist" },
  RT: { nucc: "227800000X", display: "Respiratory Therapist, Certified" },
};
