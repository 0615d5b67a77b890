/**
 * Patient-related task types a therapist may delegate (DESIGN rules 1–2). Competencies are recorded
 * per task type. Non-client work (room prep, supplies, clerical) needs no delegation (rule 7).
 */
export const TASK_TYPES = {
  gait_training: "Gait training",
  therapeutic_exercise: "Therapeutic exercise",
  transfer_training: "Transfer practice",
  balance_activities: "Balance activities",
  range_of_motion: "Range of motion",
  adl_practice: "ADL practice",
  fine_motor: "Fine motor activities",
  sensory_activities: "Sensory activities",
  speech_drills: "Speech and language drills",
  feeding_support: "Feeding support",
  recreation_activity: "Recreation activity",
  home_program_education: "Home exercise education",
} as const;

export type TaskType = keyof typeof TASK_TYPES;
export const TASK_TYPE_KEYS = Object.keys(TASK_TYPES) as TaskType[];

export function isTaskType(v: string): v is TaskType {
  return v in TASK_TYPES;
}
