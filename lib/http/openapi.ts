/** The JSON API description served at /api/v1/openapi.json. Extend it with each new endpoint. */
const error = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: ['invalid_input', 'unauthorized', 'forbidden', 'not_found', 'out_of_stock', 'conflict', 'rate_limited', 'internal'] },
        message: { type: 'string', description: '中文错误说明' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
};

const productListItem = {
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

const q = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: '个旧消费扶贫商城 API',
    version: '1.0.0',
    description: '金额一律为整数“分”，字段名以 Fen 结尾。错误返回 {"error":{"code","message","fields"?}}，message 为中文。',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/health': {
      get: {
        summary: '健康检查',
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { ok: { type: 'boolean' }, db: { type: 'string', enum: ['pglite', 'postgres'] } } } } } },
          '503': { description: '数据库不可用' },
        },
      },
    },
    '/api/auth/login': {
      post: {
        summary: '登录（邮箱或手机号 + 密码），成功后设置会话 Cookie',
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', required: ['login', 'password'], properties: { login: { type: 'string' }, password: { type: 'string' }, next: { type: 'string' } } },
            },
          },
        },
        responses: {
          '200': { description: '已登录', content: { 'application/json': { schema: { type: 'object', properties: { ok: { type: 'boolean' }, redirectTo: { type: 'string' } } } } } },
          '400': { description: '参数无效', content: { 'application/json': { schema: error } } },
          '401': { description: '账号或密码错误', content: { 'application/json': { schema: error } } },
          '429': { description: '15 分钟内失败次数过多', content: { 'application/json': { schema: error } } },
        },
      },
    },
    '/api/me': {
      get: { summary: '当前登录用户（导航用）', responses: { '200': { description: '{signedIn, name?, portals?}' } } },
    },
    '/api/v1/products': {
      get: {
        summary: '商品列表与搜索',
        parameters: [
          q('q', '关键词（中文子串匹配，多个词以空格分隔，须全部匹配）'),
          q('category', '分类 slug'),
          q('township', '镇（街道）slug'),
          q('supplier', '供应商 slug'),
          q('certified', '1 = 只看认定商品', { type: 'string', enum: ['0', '1'] }),
          q('minPrice', '最低价（元）'),
          q('maxPrice', '最高价（元）'),
          q('sort', '排序', { type: 'string', enum: ['newest', 'price_asc', 'price_desc', 'sales'] }),
          q('page', '页码，从 1 开始', { type: 'integer', minimum: 1, maximum: 500 }),
          q('pageSize', '每页数量', { type: 'integer', minimum: 1, maximum: 100 }),
        ],
        responses: {
          '200': {
            description: '商品分页',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { items: { type: 'array', items: productListItem }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
                },
              },
            },
          },
          '400': { description: '参数无效', content: { 'application/json': { schema: error } } },
        },
      },
    },
    '/api/v1/products/{slug}': {
      get: {
        summary: '商品详情',
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: '商品详情（含阶梯价、认定信息、供应商带贫信息）' },
          '404': { description: '商品不存在或未上架', content: { 'application/json': { schema: error } } },
        },
      },
    },
  },
} as const;
