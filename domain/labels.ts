/** Chinese labels for stored enum values, kept in one place. */
export const SUPPLIER_TYPE_LABELS = {
  cooperative: '合作社',
  enterprise: '企业',
  workshop: '扶贫车间',
} as const;

export const SORT_LABELS = {
  relevance: '综合',
  sales: '销量',
  price_asc: '价格从低到高',
  price_desc: '价格从高到低',
  newest: '最新',
} as const;

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
  reviewer: '带贫核实员',
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
export const PAYMENT_METHOD_LABELS = {
  stripe: 'Stripe',
  simulated: '演示支付',
  bank_transfer: '对公转账',
  alipay: '支付宝',
  wechat: '微信支付',
} as const;

/** The audit log's actions; an action missing here is shown as stored. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  login: '登录',
  logout: '退出登录',
  'login.failed': '登录失败',
  'login.rate_limited': '登录过于频繁被拒',
  'login.inactive': '停用账号尝试登录',
  register: '注册',
  'unit.register': '单位注册',
  'unit.verify': '单位审核通过',
  'unit.reject': '单位审核驳回',
  'invite.create': '发出邀请',
  'invite.accept': '接受邀请',
  'user.activate': '启用账号',
  'user.deactivate': '停用账号',
  'supplier.create': '新增供应商',
  'supplier.update': '修改供应商资料',
  'unit.member_role': '变更单位成员角色',
  // 带贫成效 (issue 17).
  'household.register': '登记农户',
  'household.update': '修改农户登记',
  'household.reveal': '查看农户身份信息',
  'household.confirm_code': '打印农户确认码',
  'payout.record': '记录发放',
  'payout.confirm': '确认现金发放',
  'payout.verify': '核实发放',
  'payout.return': '退回发放',
  'payout.void': '作废发放',
  'dividend_rule.declare': '设立分红规则',
  // issue 16
  'site.contact': '修改站点信息（主办、运营单位与客服电话）',
  'order.receipt': '买家确认收货',
  'order.ship': '供应商发货',
  'order.ship_parcel': '按收货人发货（单个包裹）',
  'order.ship_parcels': '按收货人发货（上传运单）',
  'recipients.view': '供应商查看收货人信息',
  'recipients.export': '供应商导出面单（收货人信息）',
  'order.receipt_auto': '系统自动确认收货',
  'after_sales.request': '申请售后',
  'after_sales.supplier_agree': '商家同意售后',
  'after_sales.supplier_disagree': '商家拒绝售后',
  'after_sales.escalate': '售后逾期转交办公室',
  'after_sales.office_approve': '办公室同意售后',
  'after_sales.office_reject': '办公室驳回售后',
  'after_sales.return_shipped': '买家寄回退货',
  'after_sales.return_received': '确认收到退货',
  'after_sales.refund': '售后退款',
};
