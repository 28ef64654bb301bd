import { z } from 'zod';
import { requireAdmin } from '@/lib/auth/guards';
import { download, XLSX_TYPE } from '@/lib/bulk/xlsx-export';
import { route } from '@/lib/http/route';
import { buildMonthlyReport } from '@/lib/reports/monthly';
import { monthlyCsv, monthlyXlsx } from '@/lib/reports/monthly-export';
import { monthlyTables } from '@/lib/reports/monthly-tables';
import { monthField } from '@/lib/validation/benefit';
import { chinaMonth } from '@/domain/time';

/** GET /admin/reports/monthly/export?month=YYYY-MM&format=xlsx|csv: the 月度通报, the same tables as the page. */
export const GET = route(
  {
    name: 'monthly report export',
    before: async () => void (await requireAdmin()),
    query: z.object({
      month: monthField.default(() => chinaMonth()),
      format: z.enum(['xlsx', 'csv'], '导出格式为 xlsx 或 csv').default('xlsx'),
    }),
    invalid: '导出参数无效：month 为 YYYY-MM，format 为 xlsx 或 csv',
  },
  async ({ query: { month, format } }) => {
    const tables = monthlyTables(await buildMonthlyReport(month));
    const title = `个旧市消费扶贫月度通报（${month}）`;
    return format === 'csv'
      ? download(monthlyCsv(title, tables), `${title}.csv`, 'text/csv; charset=utf-8')
      : download(await monthlyXlsx(title, tables), `${title}.xlsx`, XLSX_TYPE);
  },
);
