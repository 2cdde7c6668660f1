import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';

/*
 * Response schemas for answers that are not JSON. Fastify sends a stream, a buffer, or a string
 * with a non-JSON content type as it is: the serialiser never sees it, so these schemas only
 * document the answer in the OpenAPI document.
 */

/**
 * The bytes of a file (a PDF, an image), as OpenAPI describes a download; in the code, what the
 * route hands to `reply.send`. Never checked: Fastify does not serialise a stream or a buffer.
 */
export const FileContent = z.custom<Buffer | Readable>().meta({ type: 'string', format: 'binary' });

/** The answer of a download: a file in one of the given media types. */
export function fileResponse(description: string, mediaTypes: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema: FileContent }])),
  };
}

/** A 204: no body. */
export const noContent = (description: string) => z.null().describe(description);

/**
 * The OpenAPI document's `components.schemas`: every answer shape registered with an id
 * (`.meta({ id })`, see src/contract/views.ts) is described once there and referenced from each
 * route that answers it. The library renders an `…Input` twin of every such shape for request
 * bodies; those that nothing refers to are left out.
 */
export const openApiComponents: SwaggerTransformObject = (document) => {
  const transformed = jsonSchemaTransformObject(document) as {
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = transformed.components?.schemas ?? {};
  const refs = (value: unknown) =>
    [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? '');
  const kept = new Set(Object.keys(schemas).filter((id) => !id.endsWith('Input')));
  const pending = [
    ...refs({ ...transformed, components: { ...transformed.components, schemas: {} } }),
    ...[...kept].flatMap((id) => refs(schemas[id])),
  ];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (kept.has(id) || !(id in schemas)) continue;
    kept.add(id);
    pending.push(...refs(schemas[id]));
  }
  return {
    ...transformed,
    components: {
      ...transformed.components,
      schemas: Object.fromEntries(Object.entries(schemas).filter(([id]) => kept.has(id))),
    },
  } as ReturnType<SwaggerTransformObject>;
};
