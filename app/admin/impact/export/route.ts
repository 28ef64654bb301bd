import { z } from 'zod';
import { getImpact } from '@/db/queries/impact';
import { requireAdmin } from '@/lib/auth/guards';
import { buildCsv } from '@/domain/csv';
import { buildXlsx, csvRows, download, XLSX_TYPE } from '@/lib/bulk/xlsx-export';
import { route } from '@/lib/http/route';
import { EXPORT_HEADERS, impactExportRows } from '@/lib/impact/export-rows';

/** GET /admin/impact/export?format=xlsx|csv: the dashboard's figures, from the same rollups as the page. */
export const GET = route(
  {
    name: 'impact export',
    before: async () => void (await requireAdmin()),
    query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    invalid: '导出参数无效：format 为 xlsx 或 csv',
  },
  async ({ query: { format } }) => {
    const impact = await getImpact({ withUnits: true });
    const rows = impactExportRows(impact);
    const name = `${impact.year}年消费扶贫销售统计`;
    return format === 'csv'
      ? download(buildCsv(EXPORT_HEADERS, csvRows(rows)), `${name}.csv`, 'text/csv; charset=utf-8')
      : download(await buildXlsx('销售统计', EXPORT_HEADERS, rows), `${name}.xlsx`, XLSX_TYPE);
  },
);
