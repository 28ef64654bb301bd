import { describe, expect, it } from 'vitest';
import { parseCsv } from './bulk-order';
import { buildCsv } from './csv';
import {
  allParcelsShipped,
  maskAddress,
  matchTracking,
  normaliseCarrier,
  parseTrackingSheet,
  progressLabel,
  recipientsRevealable,
  WAYBILL_HEADERS,
  waybillRows,
} from './recipient-shipping';

const ORDER = 'GJ20261201-000042';
const parcels = [
  { recipientNo: 1, name: '张三', shipment: null },
  { recipientNo: 2, name: '李四', shipment: { carrier: '顺丰速运', trackingNo: 'SF1000000002' } },
  { recipientNo: 3, name: '王五', shipment: null },
];

describe('delivery progress', () => {
  it('reads 已发 N / M and is complete only when every parcel shipped', () => {
    expect(progressLabel({ shipped: 38, total: 50 })).toBe('已发 38 / 50');
    expect(allParcelsShipped({ shipped: 49, total: 50 })).toBe(false);
    expect(allParcelsShipped({ shipped: 50, total: 50 })).toBe(true);
    expect(allParcelsShipped({ shipped: 0, total: 0 })).toBe(false);
  });
});

describe('who may read a recipient', () => {
  const base = { paidAt: null, paymentTerms: 'prepay', decidedAt: null };
  it('the supplier, while the order is paid or shippable', () => {
    expect(recipientsRevealable({ ...base, status: 'paid', paidAt: new Date() })).toBe(true);
    expect(recipientsRevealable({ ...base, status: 'shipped', paidAt: new Date() })).toBe(true);
    expect(
      recipientsRevealable({
        status: 'pending_payment',
        paidAt: null,
        paymentTerms: 'pay_later',
        decidedAt: new Date(),
      }),
    ).toBe(true);
  });
  it('not before payment or approval, nor once refunded or cancelled', () => {
    expect(recipientsRevealable({ ...base, status: 'pending_payment' })).toBe(false);
    expect(recipientsRevealable({ ...base, status: 'pending_approval', paymentTerms: 'pay_later' })).toBe(false);
    expect(recipientsRevealable({ ...base, status: 'refunded', paidAt: new Date() })).toBe(false);
    expect(recipientsRevealable({ ...base, status: 'cancelled' })).toBe(false);
  });
  it('masks an address for everyone else', () => {
    expect(maskAddress('云南省个旧市金湖东路 1 号')).toBe('云南省个旧市****');
    expect(maskAddress('短地址')).toBe('****');
  });
});

describe('carriers as people write them', () => {
  it('finds the store name', () => {
    expect(normaliseCarrier('顺丰')).toBe('顺丰速运');
    expect(normaliseCarrier('ems')).toBe('中国邮政 EMS');
    expect(normaliseCarrier('中国邮政 EMS')).toBe('中国邮政 EMS');
    expect(normaliseCarrier('某某快递')).toBeNull();
    expect(normaliseCarrier('快')).toBeNull();
  });
});

describe('the 面单 CSV and the tracking upload', () => {
  const waybill = [
    {
      recipientNo: 1,
      name: '张三',
      mobile: '13987312345',
      address: '个旧市金湖东路 1 号',
      item: '高原红米（5kg）',
      quantity: 2,
      shipment: null,
    },
    {
      recipientNo: 3,
      name: '=HYPERLINK("x")',
      mobile: '13987312346',
      address: '个旧市 2 号院',
      item: '米',
      quantity: 1,
      shipment: null,
    },
  ];

  it('writes the courier layout, formula-escaped, and reads back once tracking numbers are filled in', () => {
    const csv = buildCsv(WAYBILL_HEADERS, waybillRows(ORDER, waybill));
    expect(csv.split('\r\n')[0]).toBe('\uFEFF收件人,手机,收件地址,物品,数量,备注,订单号,收货人编号,快递公司,运单号');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const rows = parseCsv(csv);
    rows[1]![9] = 'SF1000000001';
    rows[2]![8] = '中通';
    rows[2]![9] = 'ZT1000000003';
    const parsed = parseTrackingSheet(rows, '顺丰速运');
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines.map((l) => [l.recipientNo, l.carrier, l.trackingNo])).toEqual([
      [1, '顺丰速运', 'SF1000000001'],
      [3, '中通快递', 'ZT1000000003'],
    ]);
  });

  it('reads a courier sheet that kept only 备注 and 运单号', () => {
    const parsed = parseTrackingSheet(
      [
        ['运单号', '备注'],
        ['YT0000000001', `${ORDER}#3`],
        ['', `${ORDER}#1`],
      ],
      '圆通速递',
    );
    expect(parsed.lines).toEqual([
      { row: 2, orderNo: ORDER, recipientNo: 3, name: null, carrier: '圆通速递', trackingNo: 'YT0000000001' },
    ]);
  });

  it('refuses a sheet without the columns, bad numbers and unknown carriers, by row', () => {
    expect(parseTrackingSheet([['a', 'b']], null).errors[0]!.message).toContain('表头');
    const parsed = parseTrackingSheet(
      [
        ['订单号', '收货人编号', '快递公司', '运单号'],
        [ORDER, 'x', '顺丰', 'SF1'],
        [ORDER, '1', '某某快递', 'SF1000000001'],
        [ORDER, '2', '', 'SF1000000002'],
      ],
      null,
    );
    expect(parsed.errors).toEqual([
      { row: 2, message: '收货人编号不正确；运单号为 6–30 位字母或数字' },
      { row: 3, message: '不认识的快递公司“某某快递”' },
      { row: 4, message: '请选择快递公司' },
    ]);
  });

  it('refuses a sheet of nothing but headers, and an absurd number of rows', () => {
    expect(parseTrackingSheet([['订单号', '收货人编号', '运单号']], null).errors[0]!.message).toContain('没有');
    const many = [
      ['订单号', '收货人编号', '运单号'],
      ...Array.from({ length: 5_001 }, () => [ORDER, '1', 'SF1000000']),
    ];
    expect(parseTrackingSheet(many, '顺丰速运').errors[0]!.message).toContain('一次最多');
  });
});

describe('matching the sheet with the parcels', () => {
  const line = (recipientNo: number, trackingNo: string, extra: Partial<{ orderNo: string; name: string }> = {}) => ({
    row: recipientNo + 1,
    orderNo: extra.orderNo ?? ORDER,
    recipientNo,
    name: extra.name ?? null,
    carrier: '顺丰速运' as const,
    trackingNo,
  });

  it('ships the new parcels and counts replays as unchanged', () => {
    const r = matchTracking(
      [line(1, 'SF1000000001'), line(2, 'SF1000000002'), line(1, 'SF1000000001')],
      ORDER,
      parcels,
    );
    expect(r.errors).toEqual([]);
    expect(r.toShip.map((l) => l.recipientNo)).toEqual([1]);
    expect(r.unchanged).toBe(2);
  });

  it('refuses another order, recipients that are not this supplier’s, wrong names and changed numbers', () => {
    const r = matchTracking(
      [
        line(1, 'SF1000000001', { orderNo: 'GJ20261201-000043' }),
        line(9, 'SF1000000009'),
        line(3, 'SF1000000003', { name: '赵六' }),
        line(2, 'SF9999999999'),
      ],
      ORDER,
      parcels,
    );
    expect(r.errors.map((e) => e.message)).toEqual([
      '订单号 GJ20261201-000043 不是本订单（GJ20261201-000042）',
      '收货人编号 9 不在本店的发货清单中',
      '收货人“赵六”与编号 3 不符',
      '收货人编号 2 已发货（顺丰速运 SF1000000002），不能更改',
    ]);
  });

  it('refuses one recipient given two numbers in the same sheet', () => {
    const r = matchTracking([line(1, 'SF1000000001'), line(1, 'SF1000000099')], ORDER, parcels);
    expect(r.errors).toEqual([{ row: 2, message: '收货人编号 1 在文件中出现了两次，运单号不同' }]);
  });
});
