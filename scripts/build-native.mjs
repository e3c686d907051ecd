// Builds the native Web Push encryption (src/modules/alerts/push/native/rfc8291.c) into
// dist/native/rfc8291.node with the system's C compiler against Node's own headers; run by `npm ci`
// (prepare) and `npm start`, and skipped when the build is newer than its source. Without a compiler the
// alerts module falls back to its JavaScript encryption on Node's crypto (slower, same result), so this only warns — except under CI,
// where the project must install everything it needs and a failed build fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'src/modules/alerts/push/native/rfc8291.c');
// TINHSO_NATIVE_OUT: another output file (the script's own test builds into a temporary folder).
const target = process.env.TINHSO_NATIVE_OUT ?? path.join(root, 'dist/native/rfc8291.node');

if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs) process.exit(0);

const includeDirs = [
  process.env.npm_config_nodedir && path.join(process.env.npm_config_nodedir, 'include/node'),
  path.resolve(path.dirname(process.execPath), '../include/node'),
].filter((d) => d && existsSync(path.join(d, 'node_api.h')) && existsSync(path.join(d, 'openssl/ec.h')));

function give(reason) {
  const message =
    `Không build được mã hoá Web Push gốc (${reason}); cảnh báo đẩy dùng bản JavaScript trên crypto của Node (chậm hơn).\n` +
    `Could not build the native Web Push encryption (${reason}); push alerts use the JavaScript encryption on Node's crypto (slower).`;
  console.warn(message);
  process.exit(process.env.CI ? 1 : 0);
}

if (includeDirs.length === 0) give("Node's headers (node_api.h, openssl/ec.h) not found");
mkdirSync(path.dirname(target), { recursive: true });
const cc = process.env.CC || 'cc';
const result = spawnSync(
  cc,
  [
    '-O2',
    '-Wall',
    '-Wextra',
    '-Werror',
    '-shared',
    '-fPIC',
    // Node's OpenSSL and N-API symbols resolve against the running node binary.
    ...(process.platform === 'darwin' ? ['-undefined', 'dynamic_lookup'] : []),
    `-I${includeDirs[0]}`,
    '-o',
    target,
    source,
  ],
  { stdio: 'inherit' },
);
if (result.error) give(`${cc}: ${result.error.message}`);
if (result.status !== 0) give(`${cc} exited with ${result.status}`);
console.log(`Built ${path.relative(root, target)}`);
