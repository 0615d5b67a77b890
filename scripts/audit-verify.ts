/** `npm run audit:verify`: check the audit trail's hash chains; exit 1 on the first broken link. */
import { verifyAuditChain } from "../db/audit-chain";
import { closeDb, getDb } from "../db/client";

const report = await verifyAuditChain(getDb());
await closeDb();
if (report.broken.length === 0) {
  console.log(`Audit trail intact: ${report.events} events in ${report.chains} chains.`);
} else {
  console.error(`Audit trail BROKEN (${report.events} events in ${report.chains} chains):`);
  for (const b of report.broken) {
    console.error(`  clinic ${b.clinicId ?? "(none)"}: first broken link at chain position ${b.chainSeq} (event id ${b.eventId}): ${b.reason}`);
  }
  process.exit(1);
}
