import { BULK_HEADERS } from '@/domain/bulk-order';

/** The 批量下单 template: UTF-8 with a BOM so that Excel opens the Chinese headers correctly. */
export function GET(): Response {
  const body =
    '\uFEFF' +
    [BULK_HEADERS.join(','), 'GJ0019,20,,,', 'GJ0031,10,张三,13900000000,个旧市金湖东路 1 号'].join('\r\n') +
    '\r\n';
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('批量下单模板.csv')}`,
    },
  });
}
