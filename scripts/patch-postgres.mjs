// postgres@3.4.9 can throw an uncatchable TypeError from nextWrite() when a connection closes while a
// small write is queued (upstream porsager/postgres#1154, #1208; fix proposed in #1209, unreleased).
// Seen here when PostgreSQL is stopped under load. The guard settles the pending query with
// CONNECTION_CLOSED, as the upstream fix does. Idempotent; runs after every npm install / npm ci.
//
// Second patch: postgres@3.4.9's target_session_attrs=read-write accepts a hot standby. It tests only
// default_transaction_read_only, which a standby reports as "off"; libpq also refuses a server in hot standby
// (in_hot_standby = on). Without this a multi-host DATABASE_URL puts pool connections on the standby, and
// the app reports itself healthy with no primary (seen in the reliability suite's failover). Since PostgreSQL 14
// a standby reports default_transaction_read_only = off at startup (see hapostgres/pg_auto_failover#970, where
// postgres.js's author met it and switched to target_session_attrs=primary).
import fs from "node:fs";

const MARK = "theratrack: guard nextWrite";
const FROM = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
const TO = `  function nextWrite(fn) {
    if (!socket) { // ${MARK} (porsager/postgres#1208)
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;

const RW_MARK = "theratrack: read-write refuses a hot standby";
const RW_FROM = "(x === 'read-write' && xs.default_transaction_read_only === 'on') ||";
const RW_TO = `(x === 'read-write' && (xs.default_transaction_read_only === 'on' || xs.in_hot_standby === 'on')) || // ${RW_MARK}`;

const PATCHES = [
  { name: "guarded nextWrite", mark: MARK, from: FROM, to: TO },
  { name: "read-write refuses hot standby", mark: RW_MARK, from: RW_FROM, to: RW_TO },
];
for (const p of PATCHES) {
  let patched = 0;
  for (const file of ["node_modules/postgres/src/connection.js", "node_modules/postgres/cjs/src/connection.js", "node_modules/postgres/cf/src/connection.js"]) {
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, "utf8");
    if (text.includes(p.mark)) continue;
    if (!text.includes(p.from)) {
      console.warn(`patch-postgres: ${file} has changed upstream; "${p.name}" was not applied (check if it is still needed)`);
      continue;
    }
    fs.writeFileSync(file, text.replace(p.from, p.to));
    patched++;
  }
  if (patched) console.log(`patch-postgres: ${p.name} in ${patched} file(s)`);
}
