/**
 * The badge rule: only a listed product whose certification is approved and unexpired carries the
 * 消费扶贫认定 badge. An approved certificate past its expiry date, or one marked expired, shows 认定已过期.
 */
/** Also the database enums 'certification_status' and 'product_status' (append only). */
export const CERTIFICATION_STATUSES = ['pending', 'approved', 'rejected', 'expired', 'revoked'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];
export const PRODUCT_STATUSES = ['draft', 'in_review', 'listed', 'delisted'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** The setting that says whether a certificate's expiry also delists its product (else only the badge goes). */
export const EXPIRY_DELISTS = 'certificate_expiry_delists';

export type BadgeState = 'certified' | 'expired' | 'pending' | 'none';

export type CertificationFacts = {
  status: CertificationStatus;
  /** ISO date (YYYY-MM-DD); the certificate is valid through this day. */
  expiresOn: string;
};

/** Whether a certificate is in force on a given day (validity includes the expiry date). */
export function isCertificationInForce(cert: CertificationFacts | null | undefined, today: string): boolean {
  return !!cert && cert.status === 'approved' && cert.expiresOn >= today;
}

export function badgeState(
  productStatus: ProductStatus,
  cert: CertificationFacts | null | undefined,
  today: string,
): BadgeState {
  if (!cert) return 'none';
  if (isCertificationInForce(cert, today)) return productStatus === 'listed' ? 'certified' : 'none';
  if (cert.status === 'expired' || (cert.status === 'approved' && cert.expiresOn < today)) return 'expired';
  if (cert.status === 'pending') return 'pending';
  return 'none';
}

export const BADGE_LABELS: Record<BadgeState, string> = {
  certified: '消费扶贫认定',
  expired: '认定已过期',
  pending: '认定审核中',
  none: '未认定',
};

/** What /verify tells the public about a certificate. */
export type VerifyVerdict = 'valid' | 'expired' | 'pending' | 'rejected' | 'revoked';

export function verifyVerdict(cert: CertificationFacts, today: string): VerifyVerdict {
  if (cert.status === 'approved') return cert.expiresOn >= today ? 'valid' : 'expired';
  return cert.status;
}

export const VERDICT_LABELS: Record<VerifyVerdict, string> = {
  valid: '有效',
  expired: '已过期',
  pending: '审核中',
  rejected: '未通过',
  revoked: '已撤销',
};
