import { formatChinaDateTime } from '@/domain/time';
import type { ActionResult } from '@/lib/actions/safe-action';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** 核实员: the community and village reviewers the office invited, and 邀请核实员. */
export function ReviewerAdmin({
  reviewers,
  townships,
  invite,
}: {
  reviewers: { userId: string; name: string; active: boolean; townshipName: string; createdAt: Date }[];
  townships: { slug: string; name: string }[];
  invite: Action;
}) {
  return (
    <Card title="社区（村）核实员" titleId="reviewers">
      <p className="mt-1 text-sm text-neutral-700">
        核实员只能核实或退回本乡镇（街道）农户的发放记录，并为这些农户打印确认码；看不到姓名和身份证号，也不能修改金额。
      </p>
      <div className="mt-3">
        <DataTable
          caption="核实员"
          rows={reviewers}
          rowKey={(r) => r.userId}
          dense
          empty="还没有邀请核实员。"
          columns={[
            { header: '姓名', cell: (r) => `${r.name}${r.active ? '' : '（已停用）'}` },
            { header: '乡镇（街道）', cell: (r) => r.townshipName },
            { header: '加入时间', cell: (r) => formatChinaDateTime(r.createdAt) },
          ]}
        />
      </div>
      <h3 className="mt-4 font-medium">邀请核实员</h3>
      <ActionForm
        idPrefix="rv-"
        action={invite}
        submitLabel="生成邀请链接"
        className="mt-2"
        fields={[
          { name: 'inviteeName', label: '核实员姓名' },
          {
            name: 'townshipSlug',
            label: '负责的乡镇（街道）',
            type: 'select',
            options: townships.map((t) => ({ value: t.slug, label: t.name })),
          },
        ]}
      />
    </Card>
  );
}
