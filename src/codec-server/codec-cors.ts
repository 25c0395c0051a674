import type { INestApplication } from '@nestjs/common';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { Request } from 'express';

/** The path prefix of the codec endpoint, the only routes a browser on another origin may call. */
export const CODEC_PATH = '/codec/';

/**
 * Lets the Temporal UI, on its own origin, call the codec endpoint from the browser. The CORS middleware answers the
 * preflight before routing, so the token guard never sees it (a preflight carries no token); every other route stays
 * same-origin.
 */
export function allowCodecCors(app: INestApplication, origins: readonly string[]): void {
  const codec: CorsOptions = {
    origin: [...origins],
    methods: ['POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Namespace'],
    maxAge: 600,
  };
  app.enableCors((request: Request, callback: (error: Error | null, options: CorsOptions) => void) => {
    callback(null, request.url.startsWith(CODEC_PATH) ? codec : { origin: false });
  });
}
