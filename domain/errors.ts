/**
 * The error vocabulary: every code the store answers with, its HTTP status, whether it is logged (a fault
 * of ours) or shown (the caller can act on it), and its one Chinese message. A situation that needs a
 * more precise message (a field, a state) gives it where the error is raised, once.
 */
export const ERRORS = {
  invalid_input: { status: 400, handling: 'show', message: '请检查填写的内容' },
  unauthorized: { status: 401, handling: 'show', message: '请先登录' },
  forbidden: { status: 403, handling: 'show', message: '无权访问' },
  not_found: { status: 404, handling: 'show', message: '内容不存在' },
  conflict: { status: 409, handling: 'show', message: '当前状态不能进行此操作，请刷新后重试' },
  out_of_stock: { status: 409, handling: 'show', message: '库存不足，请调整数量后重试' },
  rate_limited: { status: 429, handling: 'show', message: '操作过于频繁，请稍后再试' },
  internal: { status: 500, handling: 'log', message: '操作失败，请稍后再试' },
} as const satisfies Record<string, { status: number; handling: 'log' | 'show'; message: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];
