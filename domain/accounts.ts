/**
 * Who takes part: account roles, government units and their members, suppliers, invitations. Each list
 * is also a database enum (db/schema), in its stored order: append new values at the end, never reorder.
 */
/** reviewer: a community or village 核实员 the programme office invited to verify payouts (issue 17). */
export const USER_ROLES = ['buyer', 'unit_member', 'supplier_manager', 'admin', 'reviewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const UNIT_TYPES = [
  'admin_agency', // 行政机关
  'public_institution', // 事业单位
  'state_enterprise', // 国有企业
  'mass_organization', // 群团组织
  'other', // 其他
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const UNIT_MEMBER_ROLES = ['admin', 'buyer', 'approver'] as const;
export type UnitMemberRole = (typeof UNIT_MEMBER_ROLES)[number];

export const INVITE_KINDS = ['unit_member', 'supplier_manager', 'payout_reviewer'] as const;
export type InviteKind = (typeof INVITE_KINDS)[number];

export const SUPPLIER_TYPES = ['cooperative', 'enterprise', 'workshop'] as const;
export type SupplierType = (typeof SUPPLIER_TYPES)[number];
