/** Chinese labels for stored enum values, kept in one place. */
export const SUPPLIER_TYPE_LABELS = {
  cooperative: '合作社',
  enterprise: '企业',
  workshop: '扶贫车间',
} as const;

export const SORT_LABELS = {
  newest: '最新上架',
  sales: '销量优先',
  price_asc: '价格从低到高',
  price_desc: '价格从高到低',
} as const;

/** Benefit share in basis points as a percentage: 4500 -> "45%", 1250 -> "12.5%". */
export function bpsPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = bps % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

export const UNIT_TYPE_LABELS = {
  admin_agency: '行政机关',
  public_institution: '事业单位',
  state_enterprise: '国有企业',
  mass_organization: '群团组织',
  other: '其他',
} as const;

export const UNIT_STATUS_LABELS = { pending: '待审核', verified: '已认证', rejected: '已驳回' } as const;
export const UNIT_ROLE_LABELS = { admin: '管理员', buyer: '采购员', approver: '审批人' } as const;
export const USER_ROLE_LABELS = {
  buyer: '个人买家',
  unit_member: '单位成员',
  supplier_manager: '供应商管理员',
  admin: '消费扶贫办公室',
} as const;

/** Carriers a manager can choose when shipping. */
export const CARRIERS = [
  '顺丰速运',
  '中国邮政 EMS',
  '京东物流',
  '中通快递',
  '圆通速递',
  '韵达快递',
  '申通快递',
  '极兔速递',
  '德邦快递',
] as const;

export const PRODUCT_STATUS_LABELS = {
  draft: '草稿',
  in_review: '审核中',
  listed: '已上架',
  delisted: '已下架',
} as const;
export const CERT_STATUS_LABELS = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  expired: '已过期',
  revoked: '已撤销',
} as const;
export const LIVESTREAM_PHASE_LABELS = {
  live: '直播中',
  upcoming: '即将开播',
  past: '已结束',
  cancelled: '已取消',
} as const;

/** Payment methods and providers (domain/checkout PAYMENT_METHODS). */
export const PAYMENT_METHOD_LABELS = { stripe: 'Stripe', simulated: '演示支付', bank_transfer: '对公转账' } as const;
