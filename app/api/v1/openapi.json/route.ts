import { openApiDocument } from '@/lib/http/openapi';

export function GET(): Response {
  return Response.json(openApiDocument);
}
