// postgres@3.4.9 can throw an uncatchable TypeError from nextWrite() when a connection closes while a
// small write is queued (upstream porsager/postgres#1154, #1208; fix proposed in #1209, unreleased).
// Seen here when PostgreSQL is stopped under load. The guard settles the pending query with
// CONNECTION_CLOSED, as the upstream fix does. Idempotent; runs after every npm install / npm ci.
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

let patched = 0;
for (const file of ["node_modules/postgres/src/connection.js", "node_modules/postgres/cjs/src/connection.js", "node_modules/postgres/cf/src/connection.js"]) {
  if (!fs.existsSync(file)) continue;
  const text = fs.readFileSync(file, "utf8");
  if (text.includes(MARK)) continue;
  if (!text.includes(FROM)) {
    console.warn(`patch-postgres: ${file} has changed upstream; the guard was not applied (check if it is still needed)`);
    continue;
  }
  fs.writeFileSync(file, text.replace(FROM, TO));
  patched++;
}
if (patched) console.log(`patch-postgres: guarded nextWrite in ${patched} file(s)`);
