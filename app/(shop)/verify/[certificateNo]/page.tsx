import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageFrame } from '@/components/layout/page-frame';
import { VerifyForm } from '@/components/catalog/verify-form';
import { CertificateResult } from '@/components/catalog/certificate-result';
import { VerifyNotes } from '@/components/catalog/verify-notes';
import { cachedCertificate } from '@/lib/cache/reads';
import { certificateNoSchema } from '@/lib/validation/certificate';
import { cardClass } from '@/components/ui/card';

export const metadata: Metadata = { title: '认定查询结果' };

type Params = Promise<{ certificateNo: string }>;

export default function VerifyPage({ params }: { params: Params }) {
  return (
    <PageFrame title="扶贫产品认定查询" width="max-w-xl">
      <Suspense fallback={<div aria-hidden="true" className={`mt-4 h-48 animate-pulse ${cardClass}`} />}>
        <Lookup params={params} />
      </Suspense>
    </PageFrame>
  );
}

async function Lookup({ params }: { params: Params }) {
  const raw = decodeURIComponent((await params).certificateNo);
  const parsed = certificateNoSchema.safeParse(raw);
  if (!parsed.success) {
    return (
      <div className="mt-4">
        <VerifyForm defaultValue={raw.slice(0, 40)} error={parsed.error.issues[0]?.message} />
      </div>
    );
  }
  const found = await cachedCertificate(parsed.data);
  return (
    <div className="mt-4 space-y-4">
      {found ? (
        <CertificateResult record={found.record} today={found.today} />
      ) : (
        <div role="status" className="rounded-xl bg-white p-5 ring-1 ring-brand-200">
          <p className="text-lg font-semibold text-brand-700">未查到证书 {parsed.data}</p>
          <p className="mt-1 text-neutral-700">
            请核对编号。本商城也销售未经认定的商品，它们不显示认定标识；商品显示了认定标识却查不到证书的，请按下方联系方式告诉我们。
          </p>
        </div>
      )}
      <VerifyForm defaultValue={parsed.data} />
      <VerifyNotes />
    </div>
  );
}
