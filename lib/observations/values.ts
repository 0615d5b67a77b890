// The observation's value lists, without zod: client components that only show or pick them (the tablet's
// session form) import these, and load the schemas (lib/observations/schemas.ts, which re-exports them)
// only when they validate.
export const ASSIST_LEVELS = {
  independent: "Independent",
  supervision: "Supervision",
  minimal: "Minimal assist",
  moderate: "Moderate assist",
  maximal: "Maximal assist",
  dependent: "Dependent",
} as const;
export type AssistLevelValue = keyof typeof ASSIST_LEVELS;

export const ATTITUDE_TAGS = {
  engaged: "Engaged",
  motivated: "Motivated",
  cooperative: "Cooperative",
  fatigued: "Fatigued",
  anxious: "Anxious",
  distracted: "Distracted",
  resistant: "Resistant",
  in_pain: "In pain",
  agitated: "Agitated",
} as const;
export type AttitudeTag = keyof typeof ATTITUDE_TAGS;

export const ATTITUDE_SCALE = { 1: "Very poor", 2: "Poor", 3: "Fair", 4: "Good", 5: "Excellent" } as const;

export const EDUCATION_AUDIENCES = { patient: "Patient", family: "Family", caregiver: "Caregiver" } as const;
export const EDUCATION_METHODS = { verbal: "Verbal", demonstration: "Demonstration", handout: "Handout", video: "Video" } as const;
export const UNDERSTANDING = { full: "Full", partial: "Partial", none: "None" } as const;
