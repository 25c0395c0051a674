import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../config/project-root';

/** Where the browser screens are mounted; `scripts/build-ui.js` writes the same prefix into the page. */
export const UI_BASE_PATH = '/ui';

/** The built screens on disk: `index.html`, and content-hashed files under `assets/`. */
export class UiBundle {
  constructor(readonly directory: string) {}

  /** The bundle `npm run build` writes: `dist/ui` in the project folder, found the same way from `src/` and `dist/`. */
  static fromProjectRoot(start: string = __dirname): UiBundle {
    return new UiBundle(path.join(projectRoot(start), 'dist', 'ui'));
  }

  get assetsDirectory(): string {
    return path.join(this.directory, 'assets');
  }

  get indexFile(): string {
    return path.join(this.directory, 'index.html');
  }

  /** Whether the screens were built; checked per request so that a build after start is picked up. */
  isBuilt(): boolean {
    return existsSync(this.indexFile);
  }
}
