import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Where the OpenAPI page is served; the JSON document is at `/docs-json`. */
export const OPEN_API_PATH = 'docs';

/** Serves the OpenAPI description of every route at `/docs`, public like `/health`, since it holds no case data. */
export function serveOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('Brigade')
    .setDescription('Case workflows for the flying brigade. Every route but /health needs a bearer token whose role the route names; ' +
      'get one locally with `node dist/src/cli.js token --role coordinator --sub <login>`. Errors always carry the ErrorBody.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build());
  SwaggerModule.setup(OPEN_API_PATH, app, document, { jsonDocumentUrl: `${OPEN_API_PATH}-json` });
}
