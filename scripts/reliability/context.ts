import type { AppServer, PrivateCluster } from "./env";

export type Context = {
  app: AppServer;
  cluster: PrivateCluster;
  dbName: string;
  quick: boolean;
  password: string;
};

export type CheckResult = {
  name: string;
  /** figures for the summary table and the JSON report */
  figures: Record<string, number | string>;
  /** each property that did not hold, in words; empty = pass */
  failures: string[];
  seconds?: number;
};

export type Check = { name: string; run: (ctx: Context) => Promise<Omit<CheckResult, "name" | "seconds">> };

export const ACCOUNTS = {
  admin: "alex.admin@sunrise.example",
  olivia: "olivia.ot@sunrise.example",
  peter: "peter.pt@sunrise.example",
  ana: "ana.aide@sunrise.example",
  sam: "sam.aide@sunrise.example",
  harborAdmin: "hana.admin@harbor.example",
  theo: "theo.pt@harbor.example",
  hugo: "hugo.aide@harbor.example",
} as const;
