import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { PageFrame } from '@/components/layout/page-frame';
import { VerifyForm } from '@/components/catalog/verify-form';
import { VerifyNotes } from '@/components/catalog/verify-notes';
import { certificateNoSchema } from '@/lib/validation/certificate';

export const metadata: Metadata = { title: '扶贫产品认定查询' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function VerifyIndexPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <PageFrame title="扶贫产品认定查询" width="max-w-xl">
      <p className="mt-2 text-neutral-700">输入商品页或包装上的认定证书编号，核对产品是否在认定有效期内。</p>
      <div className="mt-4 space-y-4">
        <Suspense fallback={<VerifyForm />}>
          <VerifyLookup searchParams={searchParams} />
        </Suspense>
        <VerifyNotes />
      </div>
    </PageFrame>
  );
}

async function VerifyLookup({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).no;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return <VerifyForm />;
  const parsed = certificateNoSchema.safeParse(value);
  if (!parsed.success) return <VerifyForm defaultValue={value.slice(0, 40)} error={parsed.error.issues[0]?.message} />;
  redirect(`/verify/${encodeURIComponent(parsed.data)}`);
}
