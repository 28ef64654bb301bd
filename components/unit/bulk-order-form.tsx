'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionResult } from '@/lib/actions/safe-action';
import { submitPurchaseOrderAction } from '@/lib/actions/unit-orders';

const input = 'h-11 w-full rounded-lg border border-neutral-300 bg-white px-3 text-base';

function Submit() {
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
      <button
        type="submit"
        disabled={pending}
        className="h-11 rounded-lg bg-brand-600 px-5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        提交采购单
      </button>
      {pending ? (
        <span role="status" className="flex items-center gap-2 text-sm text-neutral-700">
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent"
          />
          正在校验并导入，请稍候…
        </span>
      ) : null}
    </div>
  );
}

/** 批量下单: product codes typed in (one per line: 编码 数量) or an .xlsx/.csv file. */
export function BulkOrderForm({
  unitId,
  rounds,
  contactName,
}: {
  unitId: string;
  rounds: { id: number; name: string }[];
  contactName: string;
}) {
  const [state, action] = useActionState<ActionResult | null, FormData>(submitPurchaseOrderAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="unitId" value={unitId} />
      <div className="sm:col-span-2">
        <label htmlFor="bulk-lines" className="mb-1 block text-sm font-medium">
          按商品编码快速添加（每行：编码 数量）
        </label>
        <textarea
          id="bulk-lines"
          name="lines"
          rows={4}
          placeholder={'GJ0019 20\nGJ0036 50'}
          className={`${input} h-auto py-2 font-mono`}
          aria-describedby="bulk-lines-err"
        />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="bulk-file" className="mb-1 block text-sm font-medium">
          或上传表格（.xlsx / .csv，最多 5000 行）
        </label>
        <input
          id="bulk-file"
          name="file"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="block min-h-11 w-full text-sm"
        />
        <p className="mt-1 text-xs text-neutral-600">
          列：商品编码、数量，可选收货人、手机号、收货地址（慰问品逐人配送）。
          <a href="/unit/template.csv" className="text-brand-700 underline">
            下载模板
          </a>
        </p>
        {errors.file ? <p className="mt-1 text-sm text-brand-700">{errors.file}</p> : null}
      </div>
      <div>
        <label htmlFor="bulk-round" className="mb-1 block text-sm font-medium">
          推介会
        </label>
        <select id="bulk-round" name="roundId" className={input} defaultValue="">
          <option value="">按下单日期自动归属</option>
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="bulk-terms" className="mb-1 block text-sm font-medium">
          付款方式
        </label>
        <select id="bulk-terms" name="paymentTerms" className={input} defaultValue="prepay">
          <option value="prepay">对公转账（审批后 7 天内）</option>
          <option value="pay_later">先货后款（30 天内转账）</option>
        </select>
      </div>
      <div>
        <label htmlFor="bulk-contact" className="mb-1 block text-sm font-medium">
          收货联系人
        </label>
        <input id="bulk-contact" name="contactName" defaultValue={contactName} className={input} />
      </div>
      <div>
        <label htmlFor="bulk-mobile" className="mb-1 block text-sm font-medium">
          联系人手机号
        </label>
        <input
          id="bulk-mobile"
          name="contactMobile"
          type="tel"
          inputMode="tel"
          className={input}
          aria-invalid={errors.contactMobile ? true : undefined}
        />
        {errors.contactMobile ? <p className="mt-1 text-sm text-brand-700">{errors.contactMobile}</p> : null}
      </div>
      <input type="hidden" name="province" value="云南省" />
      <input type="hidden" name="city" value="红河哈尼族彝族自治州" />
      <div>
        <label htmlFor="bulk-district" className="mb-1 block text-sm font-medium">
          区县
        </label>
        <input id="bulk-district" name="district" defaultValue="个旧市" className={input} />
      </div>
      <div>
        <label htmlFor="bulk-detail" className="mb-1 block text-sm font-medium">
          收货地址
        </label>
        <input id="bulk-detail" name="detail" className={input} aria-invalid={errors.detail ? true : undefined} />
        {errors.detail ? <p className="mt-1 text-sm text-brand-700">{errors.detail}</p> : null}
      </div>
      <Submit />
      <div role="status" aria-live="polite" className="sm:col-span-2">
        {state?.ok ? <p className="rounded-lg bg-cert-50 p-3 text-sm text-cert-800">{state.message}</p> : null}
        {state && !state.ok ? (
          <div className="rounded-lg bg-brand-50 p-3 text-sm text-brand-800">
            <p className="font-medium">{state.error}</p>
            {errors.lines ? (
              <pre id="bulk-lines-err" className="mt-1 font-sans whitespace-pre-wrap">
                {errors.lines}
              </pre>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
