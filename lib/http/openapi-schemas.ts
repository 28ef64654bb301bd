/**
 * Pieces of the OpenAPI document shared by its paths: the error body and a response carrying it, a product
 * in a list, a query or path parameter.
 */
import { ERROR_CODES } from '@/domain/errors';

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          enum: ERROR_CODES,
        },
        message: { type: 'string', description: '中文错误说明' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
};

/** A response whose body is the error body. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

export const productListItem = {
  type: 'object',
  required: ['slug', 'name', 'spec', 'priceFen', 'stock', 'certified', 'certificateNo', 'supplier', 'category'],
  properties: {
    slug: { type: 'string' },
    code: { type: 'string', description: '商品编码' },
    name: { type: 'string' },
    spec: { type: 'string', description: '规格' },
    priceFen: { type: 'integer', description: '价格（分）' },
    stock: { type: 'integer' },
    certified: { type: 'boolean', description: '是否持有有效的消费扶贫认定' },
    certificateNo: { type: ['string', 'null'] },
    supplier: {
      type: 'object',
      properties: { slug: { type: 'string' }, name: { type: 'string' }, township: { type: 'string' } },
    },
    category: { type: 'string' },
    imageUrl: { type: ['string', 'null'] },
  },
};

export const q = (name: string, description: string, schema: object = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

/** A required string parameter in the path (`/…/{name}`). */
export const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
