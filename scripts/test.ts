import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';

/**
 * `npm test`: typecheck, lint, unit and integration tests (PGlite, and PostgreSQL when DATABASE_URL is
 * set), a production build, Playwright e2e on Debian's Chromium (and 支付宝 and 微信支付 against local gateways), then the system tests (two instances,
 * faults) when PostgreSQL binaries are installed. Ends with one summary line.
 */
type Step = { name: string; ok: boolean; seconds: number; passed: number; failed: number };
const steps: Step[] = [];

function run(
  name: string,
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
  counts?: () => { passed: number; failed: number },
): boolean {
  const t0 = performance.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  const ok = r.status === 0;
  const c = counts?.() ?? { passed: 0, failed: ok ? 0 : 1 };
  steps.push({ name, ok, seconds: (performance.now() - t0) / 1000, ...c });
  return ok;
}

/** The e2e step's system packages: Debian's Chromium and CJK fonts, and openpyxl (the unit-welfare journey's sheet). */
const hasOpenpyxl = () => spawnSync('/usr/bin/python3', ['-c', 'import openpyxl']).status === 0;
function ensureChromium(): boolean {
  if (existsSync('/usr/bin/chromium') && hasOpenpyxl()) return true;
  if (process.getuid?.() === 0) {
    console.log('Chromium or openpyxl is missing: installing chromium, fonts-noto-cjk, python3-openpyxl (apt-get)…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk', 'python3-openpyxl'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return existsSync('/usr/bin/chromium') && hasOpenpyxl();
  }
  console.error(
    'Chromium or openpyxl is missing: run `sudo apt-get install -y chromium fonts-noto-cjk python3-openpyxl`, then npm test again.',
  );
  return false;
}

function vitestCounts(): { passed: number; failed: number } {
  try {
    const j = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    return { passed: j.numPassedTests, failed: j.numFailedTests };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

function playwrightCounts(file = 'test-results/playwright.json'): { passed: number; failed: number } {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number };
    };
    return { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const e2eDb = './.data/e2e-pglite';
// Several checkouts on one machine (parallel work) each set TEST_PORT_OFFSET so their servers never meet.
const portOffset = Number(process.env.TEST_PORT_OFFSET ?? 0);
const e2ePort = String(3200 + portOffset);
// The desktop project's server: a copy of the build and of the freshly seeded database (playwright.config.ts).
const e2eDesktop = { port: String(3250 + portOffset), db: `${e2eDb}-desktop`, dist: './.data/e2e-next-desktop' };
let ok = run('typecheck', 'npx', ['tsc', '--noEmit']);
ok = run('lint', 'npx', ['eslint', '--max-warnings=0', '.']) && ok;
ok = run('format (prettier --check)', 'npx', ['prettier', '--check', '--log-level=warn', '.']) && ok;
// Two workers on two cores: the PostgreSQL project's files spend much of their time waiting on the server,
// so a second worker runs while the first waits (vitest's default is one worker fewer than the cores).
ok =
  run(
    'unit + integration (vitest)',
    'npx',
    [
      'vitest',
      'run',
      '--maxWorkers=2',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/vitest.json',
    ],
    {},
    vitestCounts,
  ) && ok;
if (ok) {
  // e2e runs the embedded default (what `npm ci && npm start` gives a newcomer) on a fresh database.
  for (const dir of [e2eDb, e2eDesktop.db, e2eDesktop.dist]) rmSync(dir, { recursive: true, force: true });
  const e2eEnv = { DATABASE_URL: '', PGLITE_DIR: e2eDb, PORT: e2ePort };
  ok = run('production build', 'npx', ['tsx', 'scripts/build.ts'], e2eEnv);
  if (ok && ensureChromium()) {
    // The phone and desktop projects run side by side (half the wall time on two cores), each against its own
    // server, database and page cache, copied from the one build before either server starts.
    cpSync(e2eDb, e2eDesktop.db, { recursive: true });
    cpSync('.next', e2eDesktop.dist, { recursive: true, filter: (src) => !src.startsWith('.next/cache') });
    ok = run(
      'e2e (Playwright, Chromium)',
      'npx',
      ['playwright', 'test', '--reporter=list,json'],
      {
        ...e2eEnv,
        PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
        E2E_PORT: e2ePort,
        E2E_DESKTOP_PORT: e2eDesktop.port,
        E2E_DESKTOP_PGLITE_DIR: e2eDesktop.db,
        E2E_DESKTOP_DIST_DIR: e2eDesktop.dist,
      },
      () => playwrightCounts(),
    );
    // Alipay and WeChat Pay direct: the same build and database, the app configured with local gateways.
    ok =
      run(
        'e2e 支付宝 + 微信支付 (local gateways)',
        'npx',
        ['playwright', 'test', '-c', 'playwright.providers.config.ts', '--reporter=list,json'],
        { ...e2eEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/providers.json', E2E_PORT: e2ePort },
        () => playwrightCounts('test-results/providers.json'),
      ) && ok;
    // Two instances (npm start on two ports, one build) on one PostgreSQL behind nginx when installed, a
    // PostgreSQL restart under load, an app killed mid-webhook: the same build, run as separate processes
    // against a throwaway cluster the tests own.
    if (existsSync('/usr/lib/postgresql')) {
      ok =
        run(
          'system (2 instances, faults)',
          'npx',
          ['playwright', 'test', '-c', 'playwright.system.config.ts', '--reporter=list,json'],
          { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/system.json' },
          () => playwrightCounts('test-results/system.json'),
        ) && ok;
    } else {
      console.log(
        'system tests skipped: they need PostgreSQL binaries (as root: apt-get install -y postgresql; CI installs them)',
      );
    }
  } else ok = false;
}

const passed = steps.reduce((s, x) => s + x.passed, 0);
const failed = steps.reduce((s, x) => s + x.failed, 0);
console.log('\nstep                               result   seconds   tests');
for (const s of steps) {
  console.log(
    `${s.name.padEnd(34)} ${(s.ok ? 'ok' : 'FAILED').padEnd(8)} ${s.seconds.toFixed(1).padStart(7)}   ${s.passed + s.failed ? `${s.passed} passed, ${s.failed} failed` : '-'}`,
  );
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
