import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Finds Brigade's own project folder by walking up from this file, so it works from `src/` and from `dist/`. */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'brigade') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find Brigade's package.json above ${start}`);
    dir = parent;
  }
}
