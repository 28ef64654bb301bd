'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionResult } from '@/lib/actions/safe-action';
import { submitPurchaseOrderAction } from '@/lib/actions/unit-orders';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { Notice } from '../ui/notice';

function Submit() {
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
      <Button type="submit" disabled={pending}>
        提交采购单
      </Button>
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
      <Field id="bulk-lines" label="按商品编码快速添加（每行：编码 数量）" className="sm:col-span-2">
        {(c) => (
          <textarea
            {...c}
            aria-describedby="bulk-lines-err"
            name="lines"
            rows={4}
            placeholder={'GJ0019 20\nGJ0036 50'}
            className={`${inputClass} h-auto py-2 font-mono`}
          />
        )}
      </Field>
      <Field
        id="bulk-file"
        label="或上传表格（.xlsx / .csv，最多 5000 行）"
        className="sm:col-span-2"
        error={errors.file}
        hint={
          <>
            列：商品编码、数量，可选收货人、手机号、收货地址（慰问品逐人配送）。
            <a href="/unit/template.csv" className="text-brand-700 underline">
              下载模板
            </a>
          </>
        }
      >
        {(c) => (
          <input
            {...c}
            name="file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="block min-h-11 w-full text-sm"
          />
        )}
      </Field>
      <Field id="bulk-round" label="推介会">
        {(c) => (
          <select {...c} name="roundId" className={inputClass} defaultValue="">
            <option value="">按下单日期自动归属</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="bulk-terms" label="付款方式">
        {(c) => (
          <select {...c} name="paymentTerms" className={inputClass} defaultValue="prepay">
            <option value="prepay">对公转账（审批后 7 天内）</option>
            <option value="pay_later">先货后款（30 天内转账）</option>
          </select>
        )}
      </Field>
      <Field id="bulk-contact" label="收货联系人">
        {(c) => <input {...c} name="contactName" defaultValue={contactName} className={inputClass} />}
      </Field>
      <Field id="bulk-mobile" label="联系人手机号" error={errors.contactMobile}>
        {(c) => <input {...c} name="contactMobile" type="tel" inputMode="tel" className={inputClass} />}
      </Field>
      <input type="hidden" name="province" value="云南省" />
      <input type="hidden" name="city" value="红河哈尼族彝族自治州" />
      <Field id="bulk-district" label="区县">
        {(c) => <input {...c} name="district" defaultValue="个旧市" className={inputClass} />}
      </Field>
      <Field id="bulk-detail" label="收货地址" error={errors.detail}>
        {(c) => <input {...c} name="detail" className={inputClass} />}
      </Field>
      <Submit />
      <div role="status" aria-live="polite" className="sm:col-span-2">
        {state?.ok ? (
          <Notice tone="success" quiet>
            {state.message}
          </Notice>
        ) : null}
        {state && !state.ok ? (
          <Notice tone="error" quiet>
            <p className="font-medium">{state.error}</p>
            {errors.lines ? (
              <pre id="bulk-lines-err" className="mt-1 font-sans whitespace-pre-wrap">
                {errors.lines}
              </pre>
            ) : null}
          </Notice>
        ) : null}
      </div>
    </form>
  );
}
