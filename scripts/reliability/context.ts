import type { AppServer, PrivateCluster } from "./env";
import type { Nginx } from "./nginx";

export type Context = {
  /** one instance, reached directly (checks that probe the app itself) */
  app: AppServer;
  /** every app instance behind the load balancer */
  instances: AppServer[];
  /** nginx in front of the instances (deploy/nginx/theratrack.conf) */
  lb: Nginx;
  /** the current primary: after a failover (checks/load.ts), the promoted standby */
  cluster: PrivateCluster;
  /** the synchronous hot standby, until promoted; null after */
  standby: PrivateCluster | null;
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
