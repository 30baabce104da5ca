import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Which process serves the sandbox from a data file: written beside it while it runs. */
type Owner = { pid: number; url: string };

const ownerFileOf = (dataFile: string) => `${dataFile}.lock`;
const PROBE_TIMEOUT_MS = 1_000;

export const releaseSandboxData = (dataFile: string) => rmSync(ownerFileOf(dataFile), { force: true });

/** Marks the data file as served by this process; the returned function releases it on a clean stop. */
export const claimSandboxData = (dataFile: string, url: string) => {
  const owner: Owner = { pid: process.pid, url };
  writeFileSync(ownerFileOf(dataFile), JSON.stringify(owner));
  return () => releaseSandboxData(dataFile);
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const answers = async (url: string) => {
  try {
    await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
};

/**
 * The process still serving the sandbox from this data file, or null. A crash leaves the lock file behind,
 * so the file alone proves nothing: its process must be alive and its sandbox must answer (a pid reused by
 * another program serves nothing there).
 */
export const sandboxDataOwner = async (dataFile: string): Promise<Owner | null> => {
  let owner: Owner;
  try {
    owner = JSON.parse(readFileSync(ownerFileOf(dataFile), 'utf8')) as Owner;
  } catch {
    return null;
  }
  return isAlive(owner.pid) && (await answers(owner.url)) ? owner : null;
};
