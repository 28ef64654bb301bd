import 'server-only';
import { certifications, orders, products } from '../schema';

/** Column sets several queries select alike: one definition each, spread into a select. */

/** What names a product in a list: its ids, name, spec and price. */
export const productIdentityColumns = {
  id: products.id,
  slug: products.slug,
  code: products.code,
  name: products.name,
  spec: products.spec,
  priceFen: products.priceFen,
};

/** A certificate's public particulars. */
export const certificateColumns = {
  id: certifications.id,
  certificateNo: certifications.certificateNo,
  issuer: certifications.issuer,
  catalogueBatch: certifications.catalogueBatch,
  issuedOn: certifications.issuedOn,
  expiresOn: certifications.expiresOn,
};

/** An order's number, state and money, as every order list shows them. */
export const orderMoneyColumns = {
  id: orders.id,
  orderNo: orders.orderNo,
  status: orders.status,
  totalFen: orders.totalFen,
  paidFen: orders.paidFen,
  refundedFen: orders.refundedFen,
  paidAt: orders.paidAt,
};
