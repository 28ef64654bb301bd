'use client';

import { useRef, useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actions/safe-action';
import { previewPurchaseOrderAction, submitPurchaseOrderAction } from '@/lib/actions/unit-orders';
import { FUND_SOURCE_LABELS, FUND_SOURCES } from '@/domain/fund-source';
import { factsFromJson, type PurchaseFacts } from '@/domain/purchase-order';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { Notice } from '../ui/notice';
import { PurchaseFactsView } from './purchase-facts';

/** "第 3 行：商品编码格式不正确" lines of a refusal, with the row number when there is one. */
function rowErrors(text: string | undefined): { row: number | null; message: string }[] {
  return (text ?? '')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = /^第 (\d+) 行：(.*)$/.exec(l);
      return m ? { row: Number(m[1]), message: m[2]! } : { row: null, message: l };
    });
}

/**
 * 批量下单: product codes typed in (one per line: 编码 数量, full-width digits and Chinese commas too)
 * or an .xlsx/.csv file, then 预览采购单 (priced lines, 不计入认购 marks with their ticks, recipients,
 * who approves), then 提交采购单. The form is never reset by a refusal: the codes, the file, the contact
 * and the address stay as typed, and the bad lines are listed with their text.
 */
export function BulkOrderForm({
  unitId,
  rounds,
  contactName,
}: {
  unitId: string;
  rounds: { id: number; name: string }[];
  contactName: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();
  const [busy, setBusy] = useState<'preview' | 'submit' | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [preview, setPreview] = useState<PurchaseFacts | null>(null);
  const [keep, setKeep] = useState<string[]>([]);
  const [typed, setTyped] = useState<string[]>([]);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const bad = rowErrors(errors.lines);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const intent = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'submit' ? 'submit' : 'preview';
    const fd = new FormData(form);
    const hasFile = fd.get('file') instanceof File && (fd.get('file') as File).size > 0;
    setTyped(hasFile ? [] : String(fd.get('lines') ?? '').split(/\r\n|\r|\n/));
    setBusy(intent);
    start(async () => {
      if (intent === 'preview') {
        const r = await previewPurchaseOrderAction(null, fd);
        setResult(r.ok ? null : r);
        setPreview(r.ok && r.data?.facts ? factsFromJson(r.data.facts) : null);
        setKeep([]);
      } else {
        const r = await submitPurchaseOrderAction(null, fd);
        setResult(r);
        if (r.ok) {
          setPreview(null);
          setKeep([]);
          formRef.current?.reset();
        }
      }
      setBusy(null);
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      // Any change to what is ordered makes the preview stale: it goes, and 预览采购单 comes back.
      onChange={(e) => {
        if ((e.target as { name?: string }).name !== 'keep') setPreview(null);
      }}
      className="grid gap-3 sm:grid-cols-2"
      noValidate
    >
      <input type="hidden" name="unitId" value={unitId} />
      <Field
        id="bulk-lines"
        label="按商品编码快速添加（每行：编码 数量）"
        className="sm:col-span-2"
        hint="可用空格、Tab、中英文逗号分隔，全角数字也可以，如 GJ0036，５０"
      >
        {(c) => (
          <textarea
            {...c}
            aria-describedby={[c['aria-describedby'], bad.length ? 'bulk-lines-err' : ''].filter(Boolean).join(' ')}
            aria-invalid={bad.length ? true : undefined}
            name="lines"
            rows={4}
            placeholder={'GJ0019 20\nGJ0036，50'}
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
      <Field
        id="bulk-fund"
        label="经费来源"
        error={errors.fundSource}
        className="sm:col-span-2"
        hint="工会经费仅可在消费扶贫办公室设定的节日时段、人均标准以内采购慰问品，不含购物卡、代金券和排除的品类"
      >
        {(c) => (
          <select {...c} name="fundSource" className={inputClass} defaultValue="canteen">
            {FUND_SOURCES.map((f) => (
              <option key={f} value={f}>
                {FUND_SOURCE_LABELS[f]}经费
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="bulk-contact" label="收货联系人" error={errors.contactName}>
        {(c) => <input {...c} name="contactName" defaultValue={contactName} className={inputClass} />}
      </Field>
      <Field id="bulk-mobile" label="联系人手机号" error={errors.contactMobile}>
        {(c) => <input {...c} name="contactMobile" type="tel" inputMode="tel" className={inputClass} />}
      </Field>
      <input type="hidden" name="province" value="云南省" />
      <input type="hidden" name="city" value="红河哈尼族彝族自治州" />
      <Field id="bulk-district" label="区县" error={errors.district}>
        {(c) => <input {...c} name="district" defaultValue="个旧市" className={inputClass} />}
      </Field>
      <Field id="bulk-detail" label="收货地址" error={errors.detail}>
        {(c) => <input {...c} name="detail" className={inputClass} />}
      </Field>

      {preview ? (
        <section
          aria-labelledby="bulk-preview-h"
          className="rounded-xl bg-neutral-50 p-3 ring-1 ring-neutral-200 sm:col-span-2"
        >
          <h3 id="bulk-preview-h" className="mb-2 font-semibold">
            采购单预览（提交前请核对）
          </h3>
          {preview.officeApproval ? (
            <Notice tone="warning" quiet className="mb-3">
              本单位没有可以审批您采购单的审批人（审批人不能审批自己或邀请、任命自己的成员提交的采购单）。提交后将由个旧市消费扶贫办公室审批。
            </Notice>
          ) : null}
          <PurchaseFactsView
            facts={preview}
            idPrefix="bulk"
            keep={{
              checked: keep,
              onChange: (slug, on) => setKeep((k) => (on ? [...k, slug] : k.filter((s) => s !== slug))),
            }}
          />
        </section>
      ) : null}

      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        {preview ? (
          <>
            <Button type="submit" name="intent" value="submit" disabled={pending}>
              提交采购单
            </Button>
            <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
              重新预览
            </Button>
          </>
        ) : (
          <Button type="submit" name="intent" value="preview" disabled={pending}>
            预览采购单
          </Button>
        )}
        {pending ? (
          <span role="status" className="flex items-center gap-2 text-sm text-neutral-700">
            <span
              aria-hidden="true"
              className="size-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent"
            />
            {busy === 'submit' ? '正在提交，请稍候…' : '正在校验并计算，请稍候…'}
          </span>
        ) : null}
      </div>
      <div role="status" aria-live="polite" className="sm:col-span-2">
        {result?.ok ? (
          <Notice tone="success" quiet>
            {result.message}
          </Notice>
        ) : null}
        {result && !result.ok ? (
          <Notice tone="error" quiet>
            <p className="font-medium">{result.error}</p>
            {bad.length ? (
              <ul id="bulk-lines-err" className="mt-1 space-y-0.5" aria-label="有问题的行">
                {bad.map((b, i) => (
                  <li key={i}>
                    {b.row !== null ? (
                      <>
                        第 {b.row} 行
                        {typed[b.row - 1]?.trim() ? (
                          <code className="mx-1 rounded bg-white px-1 font-mono">{typed[b.row - 1]}</code>
                        ) : null}
                        ：{b.message}
                      </>
                    ) : (
                      b.message
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="mt-1 text-neutral-800">已填写的内容都保留着，改好后再预览即可。</p>
          </Notice>
        ) : null}
      </div>
    </form>
  );
}
