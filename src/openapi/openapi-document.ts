import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIV3 } from 'openapi-types';

/** Builds the OpenAPI 3 document from the controllers and DTOs that serve the API. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIV3.Document {
  const config = new DocumentBuilder()
    .setTitle('Crier')
    .setDescription(
      'Governed WhatsApp alerts for councils: officers draft, the comms team signs off the exact ' +
        'content, Crier sends one-to-one to opted-in residents, and every step is audited.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  // @nestjs/swagger's document type differs from openapi-types' only in server-variable enums,
  // which Crier does not use.
  return SwaggerModule.createDocument(app, config) as unknown as OpenAPIV3.Document;
}

/** Serves the document at /api/openapi.json and a browsable view at /api/docs. */
export function serveOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document as never, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
}
