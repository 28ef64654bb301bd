/** The JSON API description served at /api/v1/openapi.json. Extend it with each new endpoint. */
import { CHECKOUT_METHODS } from '@/domain/checkout';
import { CATALOG_SORTS } from '@/domain/search';
import { errorResponse, pathParam, productListItem, q } from './openapi-schemas';

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: '个旧消费扶贫商城 API',
    version: '1.0.0',
    description:
      '金额一律为整数“分”，字段名以 Fen 结尾。错误返回 {"error":{"code","message","fields"?}}，message 为中文。',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/health': {
      get: {
        summary: '健康检查',
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { ok: { type: 'boolean' }, db: { type: 'string', enum: ['pglite', 'postgres'] } },
                },
              },
            },
          },
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
              schema: {
                type: 'object',
                required: ['login', 'password'],
                properties: { login: { type: 'string' }, password: { type: 'string' }, next: { type: 'string' } },
              },
            },
          },
        },
        responses: {
          '200': {
            description: '已登录',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { ok: { type: 'boolean' }, redirectTo: { type: 'string' } } },
              },
            },
          },
          '400': errorResponse('参数无效'),
          '401': errorResponse('账号或密码错误'),
          '429': errorResponse('15 分钟内失败次数过多'),
        },
      },
    },
    '/api/me': {
      get: {
        summary: '当前登录用户（导航用）',
        responses: { '200': { description: '{signedIn, name?, portals?, cartCount, demoPayment}' } },
      },
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
          q('sort', '排序（默认 relevance：综合）', { type: 'string', enum: [...CATALOG_SORTS] }),
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
                  properties: {
                    items: { type: 'array', items: productListItem },
                    total: { type: 'integer' },
                    page: { type: 'integer' },
                    pageSize: { type: 'integer' },
                  },
                },
              },
            },
          },
          '400': errorResponse('参数无效'),
        },
      },
    },
    '/api/v1/orders': {
      post: {
        summary: '下单（与网页结算同一流程）；价格与合计以服务器为准，客户端传入的价格被忽略',
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['items', 'contact', 'shippingAddress', 'paymentMethod'],
                properties: {
                  items: {
                    type: 'array',
                    maxItems: 50,
                    items: {
                      type: 'object',
                      required: ['slug', 'quantity'],
                      properties: {
                        slug: { type: 'string' },
                        quantity: { type: 'integer', minimum: 1, maximum: 10000 },
                      },
                    },
                  },
                  contact: { type: 'object', properties: { name: { type: 'string' }, mobile: { type: 'string' } } },
                  shippingAddress: {
                    type: 'object',
                    properties: {
                      province: { type: 'string' },
                      city: { type: 'string' },
                      district: { type: 'string' },
                      detail: { type: 'string' },
                    },
                  },
                  paymentMethod: { type: 'string', enum: [...CHECKOUT_METHODS] },
                  invoice: {
                    type: 'object',
                    properties: {
                      title: { type: 'string' },
                      taxNo: { type: 'string', description: '18 位统一社会信用代码' },
                    },
                  },
                  livestreamId: {
                    type: 'integer',
                    description: '来源直播编号；仅当该直播推荐了订单中的商品时计入直播渠道',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description:
              '{orderNo, status:"pending_payment", totalFen, payUrl, accessToken, expiresAt}. payUrl opens the payment in any browser: Stripe Checkout, or the offline simulator with a capability (?cap=) that pays or cancels this order only, until a day after expiresAt.',
          },
          '400': errorResponse('参数无效'),
          '409': errorResponse('库存不足（code out_of_stock）'),
          '429': errorResponse('下单过于频繁'),
        },
      },
    },
    '/api/v1/orders/{orderNo}': {
      get: {
        summary: '订单详情（Authorization: Bearer <accessToken>，或下单账号的会话）',
        parameters: [pathParam('orderNo')],
        responses: {
          '200': { description: '{orderNo, status, totalFen, items, shipments, …}' },
          '404': errorResponse('订单不存在或无权查看'),
        },
      },
    },
    '/api/stripe/webhook': {
      post: {
        summary: 'Stripe 回调（校验 Stripe-Signature）',
        responses: {
          '200': { description: '已处理' },
          '400': { description: '签名无效' },
          '500': { description: '处理失败，Stripe 将重试' },
        },
      },
    },
    '/api/v1/products/{slug}': {
      get: {
        summary: '商品详情',
        parameters: [pathParam('slug')],
        responses: {
          '200': { description: '商品详情（含阶梯价、认定信息、供应商带贫信息）' },
          '404': errorResponse('商品不存在或未上架'),
        },
      },
    },
    '/api/v1/impact': {
      get: {
        summary: '消费扶贫成效：计入目标的销售额与已核实的带贫发放',
        description:
          '销售额按付款（退款）时间计入所设年度（北京时间）。households 与 payoutsFen 只统计消费扶贫办公室或核实员已核实的发放记录；benefitFen 与 declaredHouseholds 为按供应商申报分成比例的估算。',
        responses: {
          '200': {
            description: '成效数据',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: [
                    'targetFen',
                    'countedFen',
                    'refundedFen',
                    'progress',
                    'orders',
                    'byChannel',
                    'households',
                    'payoutsFen',
                  ],
                  properties: {
                    targetFen: { type: 'integer' },
                    countedFen: { type: 'integer' },
                    refundedFen: { type: 'integer' },
                    progress: { type: 'number' },
                    orders: { type: 'integer' },
                    households: {
                      type: 'object',
                      description: '本年度有至少一笔已核实发放的农户（含工人）数，其中脱贫户、监测对象',
                      properties: {
                        reached: { type: 'integer' },
                        poverty: { type: 'integer' },
                        monitored: { type: 'integer' },
                      },
                    },
                    payoutsFen: {
                      type: 'object',
                      properties: {
                        totalFen: { type: 'integer' },
                        byChannel: {
                          type: 'array',
                          items: {
                            type: 'object',
                            properties: {
                              channel: { type: 'string', enum: ['production', 'employment', 'dividend'] },
                              paidFen: { type: 'integer' },
                            },
                          },
                        },
                        medianHouseholdFen: { type: 'integer', description: '户均收入中位数（最近秩法）' },
                        p10HouseholdFen: { type: 'integer', description: '第 10 百分位户收入' },
                        reachedShareBps: { type: 'integer', description: '已核实发放占计入目标销售额的比例（万分比）' },
                      },
                    },
                    benefitFen: { type: 'integer', description: '按申报分成比例的估算' },
                    declaredHouseholds: { type: 'integer', description: '有销售的供应商申报的带贫户数' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
