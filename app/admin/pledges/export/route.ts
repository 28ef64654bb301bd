import { z } from 'zod';
import { listPledgeProgress } from '@/db/queries/programme';
import { requireAdmin } from '@/lib/auth/guards';
import { buildCsv } from '@/domain/csv';
import { buildXlsx, csvRows, download, money, XLSX_TYPE, type XlsxCell } from '@/lib/bulk/xlsx-export';
import { route } from '@/lib/http/route';
import { chinaDate } from '@/domain/time';

const exportQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  unfinished: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
});

/** GET /admin/pledges/export?format=xlsx|csv&unfinished=1: every unit's pledge progress (or only the 未完成 list). */
export const GET = route(
  {
    name: 'pledges export',
    before: async () => void (await requireAdmin()),
    query: exportQuery,
    invalid: '导出参数无效：format 为 xlsx 或 csv，unfinished 为 0 或 1',
  },
  async ({ query: { format, unfinished } }) => {
    const year = Number(chinaDate().slice(0, 4));
    const all = await listPledgeProgress({ year });
    const rows = all
      .filter((r) => !unfinished || (r.pledgeFen !== null && r.paidFen < r.pledgeFen))
      .map((r): XlsxCell[] => [
        r.department,
        r.unitName,
        r.creditCode,
        r.pledgeFen === null ? '' : money(r.pledgeFen),
        money(r.paidFen),
        r.pledgeFen === null ? '' : money(r.pledgeFen > r.paidFen ? r.pledgeFen - r.paidFen : 0n),
      ]);
    const headers = [
      '主管部门',
      '单位',
      '统一社会信用代码',
      `${year} 年认购目标（元）`,
      '已付款采购（元）',
      '尚差（元）',
    ];
    const name = `${year}年单位认购${unfinished ? '未完成' : '进度'}`;
    return format === 'csv'
      ? download(buildCsv(headers, csvRows(rows)), `${name}.csv`, 'text/csv; charset=utf-8')
      : download(await buildXlsx(name, headers, rows), `${name}.xlsx`, XLSX_TYPE);
  },
);
