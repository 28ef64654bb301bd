import { z } from 'zod';
import { isValidCreditCode, normalizeCreditCode } from '@/domain/credit-code';
import { isEmailLogin, isValidMobile, normalizeMobile } from '@/domain/phone';
import { safeNextPath } from '@/domain/redirect';
import { MAX_PASSWORD_LENGTH, passwordProblem } from '@/domain/password';
import { isCommonPassword } from '@/lib/auth/common-passwords';

const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const mobileField = z
  .string('请填写手机号')
  .trim()
  .refine(isValidMobile, '请填写正确的 11 位手机号')
  .transform(normalizeMobile);

export const loginField = z
  .string('请填写邮箱或手机号')
  .trim()
  .min(1, '请填写邮箱或手机号')
  .max(100, '账号过长')
  .refine(
    (v) => (isEmailLogin(v) ? z.email().safeParse(v).success : isValidMobile(v)),
    '请填写正确的邮箱或 11 位手机号',
  )
  .transform((v) => (isEmailLogin(v) ? v.toLowerCase() : normalizeMobile(v)));

/** A new password (domain/password.ts): at least 10 characters and not a common one. */
export const passwordField = z
  .string('请填写密码')
  .max(MAX_PASSWORD_LENGTH, '密码过长')
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v, isCommonPassword);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A same-site path to return to after login; anything else falls back to the home page. */
export const nextPath = z.string().optional().transform(safeNextPath);

export const loginSchema = z.object({
  login: z.string('请填写邮箱或手机号').trim().min(1, '请填写邮箱或手机号').max(100, '账号过长'),
  password: z.string('请填写密码').min(1, '请填写密码').max(200, '密码过长'),
  next: nextPath,
});

export const registerSchema = z.object({
  name: text('称呼', 40),
  login: loginField,
  password: passwordField,
});

export const creditCodeField = z
  .string('请填写统一社会信用代码')
  .transform(normalizeCreditCode)
  .refine(isValidCreditCode, '统一社会信用代码无效，请核对 18 位代码（含校验位）');

export const UNIT_TYPES = [
  'admin_agency',
  'public_institution',
  'state_enterprise',
  'mass_organization',
  'other',
] as const;

export const registerUnitSchema = z.object({
  unitName: text('单位名称', 60),
  creditCode: creditCodeField,
  unitType: z.enum(UNIT_TYPES, '请选择单位类型'),
  parentUnitId: z
    .union([z.literal(''), z.uuid('主管部门无效')])
    .optional()
    .transform((v) => v || null),
  contactName: text('联系人', 20),
  contactMobile: mobileField,
  login: loginField,
  password: passwordField,
});

export const addressSchema = z.object({
  recipient: text('收货人', 20),
  mobile: mobileField,
  province: text('省份', 20),
  city: text('城市', 30),
  district: text('区县', 30),
  detail: text('详细地址', 120),
  isDefault: z
    .union([z.literal('on'), z.literal('true'), z.literal('1'), z.boolean()])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true' || v === '1'),
});

export const idSchema = z.object({ id: z.uuid('记录不存在') });

export const inviteUnitMemberSchema = z.object({
  unitId: z.uuid('单位不存在'),
  role: z.enum(['buyer', 'approver'], '请选择成员角色'),
  isAdmin: z
    .union([z.literal('on'), z.literal('true'), z.boolean()])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
  inviteeName: text('成员姓名', 20),
});

export const acceptInviteSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, '邀请链接无效'),
  name: text('姓名', 40),
  login: loginField,
  password: passwordField,
});

/** 修改密码: the current password, the new one twice. */
export const changePasswordSchema = z
  .object({
    current: z.string('请填写当前密码').min(1, '请填写当前密码').max(MAX_PASSWORD_LENGTH, '密码过长'),
    password: passwordField,
    confirm: z.string('请再次填写新密码').max(MAX_PASSWORD_LENGTH, '密码过长'),
  })
  .refine((v) => v.password === v.confirm, { message: '两次填写的新密码不一致', path: ['confirm'] });

const resetTokenField = z.string('重置链接无效').regex(/^[A-Za-z0-9_-]{20,100}$/, '重置链接无效');

export const resetPasswordSchema = z
  .object({ token: resetTokenField, password: passwordField, confirm: z.string('请再次填写新密码').max(200) })
  .refine((v) => v.password === v.confirm, { message: '两次填写的新密码不一致', path: ['confirm'] });

export const startPasswordResetSchema = z.object({ userId: z.uuid('用户不存在') });

export const setUnitMemberRoleSchema = z.object({
  unitId: z.uuid('单位不存在'),
  userId: z.uuid('成员不存在'),
  role: z.enum(['buyer', 'approver'], '请选择成员角色'),
});

export const unitIdSchema = z.object({ unitId: z.uuid('单位不存在') });
export const rejectUnitSchema = z.object({
  unitId: z.uuid('单位不存在'),
  reason: text('驳回原因', 200).pipe(z.string().min(2, '请写明驳回原因')),
});

export const createSupplierSchema = z.object({
  name: text('供应商名称', 60),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{3,60}$/, '网址标识只能包含小写字母、数字和短横线（3–60 位）'),
  type: z.enum(['cooperative', 'enterprise', 'workshop'], '请选择供应商类型'),
  townshipSlug: z.string().regex(/^[a-z0-9-]{1,64}$/, '请选择镇（街道）'),
  creditCode: creditCodeField,
  povertyHouseholds: z.coerce
    .number('带贫户数须为整数')
    .int('带贫户数须为整数')
    .min(0, '带贫户数不能为负')
    .max(100000, '带贫户数过大'),
  benefitShareBps: z.coerce
    .number('分享比例须为整数')
    .int('分享比例须为整数')
    .min(0, '分享比例在 0–10000 之间')
    .max(10000, '分享比例在 0–10000 之间'),
  benefitMechanism: text('带贫机制', 500),
  description: z.string().trim().max(500, '简介不能超过 500 字').default(''),
  address: z.string().trim().max(120, '地址不能超过 120 字').default(''),
});

export const inviteSupplierManagerSchema = z.object({
  supplierId: z.coerce.number('供应商不存在').int().positive('供应商不存在'),
  inviteeName: text('管理员姓名', 20),
});

export const setUserActiveSchema = z.object({
  userId: z.uuid('用户不存在'),
  active: z.enum(['true', 'false'], '参数无效').transform((v) => v === 'true'),
});

export const updateSupplierProfileSchema = z.object({
  supplierId: z.coerce.number('供应商不存在').int().positive('供应商不存在'),
  description: z.string().trim().max(500, '简介不能超过 500 字'),
  address: z.string().trim().max(120, '地址不能超过 120 字'),
  benefitMechanism: text('带贫机制', 500),
});
