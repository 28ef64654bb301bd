import { paidOrderOf } from '@/scripts/test-support/authz-matrix/orders';
import { draftOf, imageOf, livestreamOf, pendingCertOf } from '@/scripts/test-support/authz-matrix/suppliers';
import { ids, photo, unique, type Matrix } from '@/scripts/test-support/authz-matrix/world';
import { welfareOrder } from '@/scripts/test-support/recipients';

/**
 * The workshop portal: a supplier's listings, certificates and livestreams, its profile, and shipping its lines and
 * parcels.
 */

const listing = {
  name: '测试绣品',
  spec: '20×20cm',
  description: '测试',
  categorySlug: 'embroidery',
  price: '88.00',
  referencePrice: '',
  unitMinQuantity: '1',
  tiers: '',
};
const photoFile = () => new File([Buffer.from(photo)], '照片.jpg', { type: 'image/jpeg' });
const certFields = () => ({
  certificateNo: 'C-' + unique(),
  issuer: '个旧市扶贫办',
  catalogueBatch: '2026年第一批',
  issuedOn: '2026-01-01',
  expiresOn: '2028-01-01',
});
const streamFields = () => ({
  title: '绣娘直播',
  startsAt: '2026-12-20T20:00',
  streamUrl: 'https://live.douyin.com/123',
});
/** A courier's tracking sheet for these recipient numbers of a welfare order (issue 15). */
const trackingSheet = (orderNo: string, recipientNos: number[]) =>
  new File(
    [
      ['订单号,收货人编号,快递公司,运单号', ...recipientNos.map((n) => `${orderNo},${n},顺丰,SF${unique()}`)].join(
        '\r\n',
      ),
    ],
    '运单.csv',
    { type: 'text/csv' },
  );

export const workshop: Matrix = {
  cases: {
    // Listings: only managers of the product's own supplier (the office certifies, it does not edit).
    createProductAction: {
      allowed: ['managerA'],
      input: async () => ({ supplierId: String(ids.supplierA), stock: '5', ...listing }),
    },
    updateProductAction: {
      allowed: ['managerA'],
      input: async () => ({ productId: String(await draftOf(ids.supplierA)), ...listing }),
    },
    adjustStockAction: {
      allowed: ['managerA'],
      input: async () => ({ productId: String(await draftOf(ids.supplierA)), delta: '5', reason: '新一批绣品完工' }),
    },
    uploadProductImageAction: {
      allowed: ['managerA'],
      input: async () => ({ productId: String(await draftOf(ids.supplierA)), alt: '正面', image: photoFile() }),
    },
    removeProductImageAction: {
      allowed: ['managerA'],
      input: async () => {
        const productId = await draftOf(ids.supplierA);
        return { productId: String(productId), imageId: String(await imageOf(productId)) };
      },
    },
    submitCertificateAction: {
      allowed: ['managerA'],
      input: async () => ({ productId: String(await draftOf(ids.supplierA)), ...certFields(), file: photoFile() }),
    },
    submitForReviewAction: {
      allowed: ['managerA'],
      input: async () => {
        const productId = await draftOf(ids.supplierA);
        await pendingCertOf(productId);
        return { productId: String(productId) };
      },
    },
    delistProductAction: {
      allowed: ['managerA'],
      input: async () => ({ productId: String(await draftOf(ids.supplierA, 'listed')) }),
    },
    scheduleLivestreamAction: {
      allowed: ['managerA'],
      input: async () => ({
        supplierId: String(ids.supplierA),
        ...streamFields(),
        productIds: [String(await draftOf(ids.supplierA))],
      }),
    },
    setLivestreamStatusAction: {
      allowed: ['managerA'],
      input: async () => ({ livestreamId: String(await livestreamOf(ids.supplierA)), to: 'live' }),
    },
    // Manager A ships only supplier A's lines; the order below contains a product of supplier A.
    shipOrderAction: {
      allowed: ['managerA'],
      input: async () => ({
        orderNo: await paidOrderOf('yi-embroidered-scarf'),
        supplierId: String(ids.supplierA),
        carrier: '顺丰速运',
        trackingNo: `SF${Date.now()}`,
      }),
    },
    updateSupplierProfileAction: {
      allowed: ['managerA'],
      input: async (actor) => ({
        supplierId: String(actor === 'managerA' ? ids.supplierA : ids.supplierB),
        description: '更新的简介',
        address: '新地址',
        benefitMechanism: '新的带贫机制',
      }),
    },
    // Issue 15: a welfare order's parcels ship only by a manager of the supplier of their product.
    shipParcelAction: {
      allowed: ['managerA'],
      input: async () => ({
        orderNo: (await welfareOrder('paid')).orderNo,
        supplierId: String(ids.supplierA),
        recipientNo: '1',
        carrier: '顺丰速运',
        trackingNo: `SF${unique()}`,
      }),
    },
    uploadTrackingAction: {
      allowed: ['managerA'],
      input: async () => {
        const { orderNo } = await welfareOrder('paid');
        return { orderNo, supplierId: String(ids.supplierA), carrier: '', file: trackingSheet(orderNo, [1, 2, 3]) };
      },
    },
  },
  foreign: [
    // Manager A cannot see or change supplier B's products, images, stock, certificates or livestreams.
    {
      action: 'createProductAction',
      actor: 'managerA',
      input: async () => ({ supplierId: String(ids.supplierB), stock: '5', ...listing }),
    },
    {
      action: 'updateProductAction',
      actor: 'managerA',
      input: async () => ({ productId: String(await draftOf(ids.supplierB)), ...listing }),
    },
    {
      action: 'adjustStockAction',
      actor: 'managerA',
      input: async () => ({ productId: String(await draftOf(ids.supplierB)), delta: '-5', reason: '越权' }),
    },
    {
      action: 'uploadProductImageAction',
      actor: 'managerA',
      input: async () => ({ productId: String(await draftOf(ids.supplierB)), alt: '', image: photoFile() }),
    },
    {
      action: 'removeProductImageAction',
      actor: 'managerA',
      input: async () => {
        const productId = await draftOf(ids.supplierB);
        return { productId: String(productId), imageId: String(await imageOf(productId)) };
      },
    },
    // …nor by naming their own product with supplier B's image.
    {
      action: 'removeProductImageAction',
      actor: 'managerA',
      input: async () => ({
        productId: String(await draftOf(ids.supplierA)),
        imageId: String(await imageOf(await draftOf(ids.supplierB))),
      }),
    },
    {
      action: 'submitCertificateAction',
      actor: 'managerA',
      input: async () => ({ productId: String(await draftOf(ids.supplierB)), ...certFields(), file: photoFile() }),
    },
    {
      action: 'submitForReviewAction',
      actor: 'managerA',
      input: async () => {
        const productId = await draftOf(ids.supplierB);
        await pendingCertOf(productId);
        return { productId: String(productId) };
      },
    },
    {
      action: 'delistProductAction',
      actor: 'managerA',
      input: async () => ({ productId: String(await draftOf(ids.supplierB, 'listed')) }),
    },
    {
      action: 'scheduleLivestreamAction',
      actor: 'managerA',
      input: async () => ({ supplierId: String(ids.supplierB), ...streamFields() }),
    },
    // A stream of supplier A cannot feature supplier B's product.
    {
      action: 'scheduleLivestreamAction',
      actor: 'managerA',
      input: async () => ({
        supplierId: String(ids.supplierA),
        ...streamFields(),
        productIds: [String(await draftOf(ids.supplierB))],
      }),
    },
    {
      action: 'setLivestreamStatusAction',
      actor: 'managerA',
      input: async () => ({ livestreamId: String(await livestreamOf(ids.supplierB)), to: 'cancelled' }),
    },
    // An unsafe stream link is refused with a message, nothing written.
    {
      action: 'scheduleLivestreamAction',
      actor: 'managerA',
      input: async () => ({
        supplierId: String(ids.supplierA),
        ...streamFields(),
        streamUrl: 'javascript:alert(document.cookie)',
      }),
    },
    {
      action: 'updateSupplierProfileAction',
      actor: 'managerA',
      input: async () => ({
        supplierId: String(ids.supplierB),
        description: 'x',
        address: 'x',
        benefitMechanism: '越权修改',
      }),
    },
    // Manager A cannot ship supplier B's order, neither by naming supplier B nor by naming supplier A.
    {
      action: 'shipOrderAction',
      actor: 'managerA',
      input: async () => ({
        orderNo: await paidOrderOf('jijie-tomatoes'),
        supplierId: String(ids.supplierB),
        carrier: '顺丰速运',
        trackingNo: 'SF12345678',
      }),
    },
    {
      action: 'shipOrderAction',
      actor: 'managerA',
      input: async () => ({
        orderNo: await paidOrderOf('jijie-tomatoes'),
        supplierId: String(ids.supplierA),
        carrier: '顺丰速运',
        trackingNo: 'SF12345678',
      }),
    },
    // ── Issue 15: manager A never reaches supplier B's recipients (4 and 5 of the welfare order) ──
    {
      action: 'shipParcelAction',
      actor: 'managerA',
      input: async () => ({
        orderNo: (await welfareOrder('paid')).orderNo,
        supplierId: String(ids.supplierB),
        recipientNo: '4',
        carrier: '顺丰速运',
        trackingNo: 'SF12345678',
      }),
    },
    {
      action: 'shipParcelAction',
      actor: 'managerA',
      input: async () => ({
        orderNo: (await welfareOrder('paid')).orderNo,
        supplierId: String(ids.supplierA),
        recipientNo: '4',
        carrier: '顺丰速运',
        trackingNo: 'SF12345678',
      }),
    },
    {
      action: 'uploadTrackingAction',
      actor: 'managerA',
      input: async () => {
        const { orderNo } = await welfareOrder('paid');
        return { orderNo, supplierId: String(ids.supplierA), file: trackingSheet(orderNo, [1, 4]) };
      },
    },
    // A sheet naming another order's recipients, uploaded on this order.
    {
      action: 'uploadTrackingAction',
      actor: 'managerA',
      input: async () => {
        const [mine, other] = [await welfareOrder('paid'), await welfareOrder('paid')];
        return { orderNo: mine.orderNo, supplierId: String(ids.supplierA), file: trackingSheet(other.orderNo, [1]) };
      },
    },
    // Not before the order is approved and paid.
    {
      action: 'shipParcelAction',
      actor: 'managerA',
      input: async () => ({
        orderNo: (await welfareOrder('pending')).orderNo,
        supplierId: String(ids.supplierA),
        recipientNo: '1',
        carrier: '顺丰速运',
        trackingNo: 'SF12345678',
      }),
    },
  ],
};
