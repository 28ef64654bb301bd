import { formatChinaDateTime } from '@/domain/time';
import { adjustStockAction } from '@/lib/actions/listings';
import { ActionForm } from '../../forms/action-form';
import { Card } from '../../ui/card';
import { DataTable } from '../../ui/data-table';
import { productIdField, type EditorProduct } from './product';

/** Stock on hand, the adjustment form (入库 / 损耗) and the adjustments so far. */
export function StockPanel({ p }: { p: EditorProduct }) {
  return (
    <Card
      id="stock"
      titleId="stock-h"
      title={
        <>
          库存 <span className="tabular">{p.stock}</span> 件
        </>
      }
    >
      <ActionForm
        idPrefix="st-"
        action={adjustStockAction}
        submitLabel="调整库存"
        className="mt-3"
        fields={[
          productIdField(p),
          {
            name: 'delta',
            label: '增减数量',
            inputMode: 'numeric',
            placeholder: '入库 20，损耗 -3',
            hint: '正数入库，负数出库',
          },
          { name: 'reason', label: '原因', placeholder: '如 新一批绣品完工、盘点损耗' },
        ]}
      />
      {p.adjustments.length ? (
        <DataTable
          caption="库存调整记录"
          dense
          className="mt-4"
          rows={p.adjustments}
          rowKey={(a) => a.id}
          columns={[
            { header: '时间', cell: (a) => formatChinaDateTime(a.createdAt) },
            { header: '增减', cell: (a) => <span className="tabular">{a.delta > 0 ? `+${a.delta}` : a.delta}</span> },
            { header: '调整后', cell: (a) => <span className="tabular">{a.stockAfter}</span> },
            {
              header: '原因',
              cell: (a) => (
                <>
                  {a.reason}
                  {a.actorName ? <span className="text-neutral-600"> · {a.actorName}</span> : null}
                </>
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
