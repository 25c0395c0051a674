import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { BROWSER_OUTPUT_DIR } from './browser-output';

/** Where the accessibility results of every checked page are collected. */
export const AXE_SUMMARY_FILE = path.join(BROWSER_OUTPUT_DIR, 'axe-summary.json');

/** How many axe violations of each impact a page had. */
export interface AxeImpactCounts {
  readonly critical: number;
  readonly serious: number;
  readonly moderate: number;
  readonly minor: number;
}

/** The accessibility result of one page, as the summary file holds it. */
export interface AxePageSummary {
  readonly url: string;
  readonly checkedAt: string;
  readonly violations: AxeImpactCounts;
  readonly rules: ReadonlyArray<{ readonly id: string; readonly impact: string; readonly nodes: number }>;
  readonly passedRules: number;
}

/** The summary file: one entry per checked page label. */
export interface AxeSummary {
  readonly updatedAt: string;
  readonly pages: Record<string, AxePageSummary>;
}

const LOCK = `${AXE_SUMMARY_FILE}.lock`;
const STALE_LOCK_MS = 10_000;

/** Adds or replaces the entry for `label` in the summary file; browser test files run in parallel workers, so under a lock. */
export async function recordAxeSummary(label: string, entry: AxePageSummary): Promise<void> {
  await mkdir(BROWSER_OUTPUT_DIR, { recursive: true });
  await withLock(async () => {
    const summary = await readAxeSummary();
    const next: AxeSummary = { updatedAt: new Date().toISOString(), pages: { ...summary.pages, [label]: entry } };
    const temporary = `${AXE_SUMMARY_FILE}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`);
    await rename(temporary, AXE_SUMMARY_FILE);
  });
}

/** The summary as it stands, or an empty one before any page was checked. */
export async function readAxeSummary(): Promise<AxeSummary> {
  try {
    return JSON.parse(await readFile(AXE_SUMMARY_FILE, 'utf8')) as AxeSummary;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { updatedAt: new Date().toISOString(), pages: {} };
    throw error;
  }
}

// mkdir is atomic: whoever creates the folder holds the lock. A lock left by a killed run is taken over once stale.
async function withLock<T>(use: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(LOCK).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    return await use();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
