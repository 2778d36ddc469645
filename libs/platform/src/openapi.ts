import { INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_PATH = '/openapi.json';

export function buildOpenApiDocument(app: INestApplication, service: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Bangbang ${service}`)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Every service describes itself; the gateway merges the documents. Built on first request. */
export function serveOpenApi(app: NestFastifyApplication, service: string, path = OPENAPI_PATH): void {
  let document: OpenAPIObject | undefined;
  app.getHttpAdapter().getInstance().get(path, async () => (document ??= buildOpenApiDocument(app, service)));
}
