// e2e drives Debian's Chromium; Playwright must never download a browser of its own.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = '/usr/bin/chromium';
if (!existsSync(path)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`${path} is missing. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium`);
    process.exit(1);
  }
  console.log(`${path} is missing: installing Debian's chromium (apt-get install -y chromium)…`);
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
}
