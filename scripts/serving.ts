import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which `npm start` processes serve the build in `.next`: each writes `.data/serving/<pid>` while it runs,
 * so that another start never rebuilds `.next` under it (its pages would then ask for script files that
 * no longer exist, and its login would do nothing).
 */
const DIR = join('.data', 'serving');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pids of the other live `npm start` processes of this checkout (stale entries are removed). */
export function servingPids(dir = DIR): number[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (alive(pid)) pids.push(pid);
    else rmSync(join(dir, name), { force: true });
  }
  return pids;
}

/** Records this process as serving the build until it exits. */
export function markServing(port: string, dir = DIR): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, String(process.pid));
  writeFileSync(file, `${port}\n`);
  process.on('exit', () => rmSync(file, { force: true }));
}

export type StartPlan = { kind: 'serve' } | { kind: 'build' } | { kind: 'refuse'; reason: string };

/**
 * What `npm start` does before serving. A current build is served as it is (the port, the host and every
 * other deployment setting are read at run time). A stale build is rebuilt only for a newcomer's start:
 * never in production (`npm run build` builds there), never while another instance serves `.next`.
 */
export function startPlan(p: { buildCurrent: boolean; production: boolean; servingPids: number[] }): StartPlan {
  if (p.buildCurrent) return { kind: 'serve' };
  if (p.production) {
    return {
      kind: 'refuse',
      reason:
        '生产环境不在启动时构建：请先运行 npm run build，再 npm start。 / NODE_ENV=production never builds at start: run `npm run build` first.',
    };
  }
  if (p.servingPids.length) {
    return {
      kind: 'refuse',
      reason: `源代码已改动，但另一个实例（pid ${p.servingPids.join(', ')}）正在使用 .next：请先停止它，或运行 npm run build 后重启各实例。 / The sources changed while another instance serves .next: stop it, or run \`npm run build\` and restart the instances.`,
    };
  }
  return { kind: 'build' };
}
