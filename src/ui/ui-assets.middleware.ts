import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { UI_BASE_PATH, UiBundle } from './ui-bundle';
import { setUiSecurityHeaders } from './ui-security-headers';

// Built file names are content-hashed, so a name never changes meaning and browsers may keep it for a year.
const ASSET_CACHE = 'public, max-age=31536000, immutable';
// The page names the current hashes, so it is checked with the server every time.
const PAGE_CACHE = 'no-cache';
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ASSETS_PREFIX = `${UI_BASE_PATH}/assets/`;

/**
 * Serves the browser screens under /ui and sends `/` there. It is middleware, not a route: the files are public (the
 * page holds no data until the user signs in), and every API call the page makes still passes the token guard.
 */
@Injectable()
export class UiAssetsMiddleware implements NestMiddleware {
  constructor(private readonly bundle: UiBundle) {}

  use(request: Request, response: Response, next: NextFunction): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    // Mounted on a wildcard with use(), which strips what it matched from request.path: the original URL has it all.
    const path = request.originalUrl.split('?')[0];
    if (path === '/' || path === UI_BASE_PATH) return response.redirect(302, `${UI_BASE_PATH}/`);
    if (!path.startsWith(`${UI_BASE_PATH}/`)) return next();
    setUiSecurityHeaders(response);
    if (!this.bundle.isBuilt()) {
      response.status(503).type('text/plain').send('The Brigade screens are not built yet: run `npm run build` (or `npm run build:ui`) and reload.\n');
      return;
    }
    if (path.startsWith(ASSETS_PREFIX)) return this.sendAsset(path.slice(ASSETS_PREFIX.length), response, next);
    // Every other path is a screen of the single-page app, which routes in the browser.
    response.setHeader('Cache-Control', PAGE_CACHE);
    response.sendFile(this.bundle.indexFile, { cacheControl: false }, (error) => error && next(error));
  }

  private sendAsset(name: string, response: Response, next: NextFunction): void {
    // A missing asset is a 404, never the page: a browser must not run HTML as a script.
    if (!ASSET_NAME.test(name)) return void response.status(404).type('text/plain').send('No such file.\n');
    response.sendFile(name, { root: this.bundle.assetsDirectory, cacheControl: false, dotfiles: 'deny', headers: { 'Cache-Control': ASSET_CACHE } }, (error) => {
      if (!error) return;
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as { status?: number }).status === 404) {
        if (!response.headersSent) response.status(404).type('text/plain').send('No such file.\n');
        return;
      }
      next(error);
    });
  }
}
