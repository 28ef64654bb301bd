import { z } from 'zod';
import { getImpact } from '@/db/queries/impact';
import { AuthzError, requireAdmin } from '@/lib/auth/guards';
import { buildCsv, buildXlsx, download, XLSX_TYPE } from '@/lib/bulk/xlsx-export';
import { apiError } from '@/lib/http/errors';
import { EXPORT_HEADERS, impactExportRows } from '@/lib/impact/export-rows';

/** GET /admin/impact/export?format=xlsx|csv: the dashboard's figures, from the same rollups as the page. */
export async function GET(req: Request): Promise<Response> {
  try {
    await requireAdmin();
  } catch (e) {
    if (e instanceof AuthzError) return apiError(e.code, e.message);
    throw e;
  }
  const parsed = z
    .object({ format: z.enum(['xlsx', 'csv']).default('xlsx') })
    .safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return apiError('invalid_input', '导出参数无效：format 为 xlsx 或 csv');
  const impact = await getImpact({ withUnits: true });
  const rows = impactExportRows(impact);
  const name = `${impact.year}年消费扶贫销售统计`;
  return parsed.data.format === 'csv'
    ? download(buildCsv(EXPORT_HEADERS, rows), `${name}.csv`, 'text/csv; charset=utf-8')
    : download(await buildXlsx('销售统计', EXPORT_HEADERS, rows), `${name}.xlsx`, XLSX_TYPE);
}
