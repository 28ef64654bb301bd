import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Forbidden } from '@/components/auth/forbidden';
import { ConfirmCodeSheet } from '@/components/benefit/confirm-code-sheet';
import { Card } from '@/components/ui/card';
import { PageHeading } from '@/components/ui/page-heading';
import { listHouseholdsInTownship } from '@/db/queries/households';
import { issueConfirmCodesAction } from '@/lib/actions/benefit-review';
import { reviewPageUser } from '@/lib/auth/review-page';

export const metadata: Metadata = { title: '打印确认码', robots: { index: false } };

export default async function CodesPage() {
  await connection();
  const who = await reviewPageUser('/review/codes');
  if (!who) return <Forbidden message="只有消费扶贫办公室和受邀的核实员可以打印确认码。" />;
  const households = await listHouseholdsInTownship({ townshipSlug: who.townshipSlug });
  return (
    <>
      <div className="print:hidden">
        <PageHeading title="打印农户确认码" />
      </div>
      <Card>
        <style>
          {'@page { size: A4; margin: 12mm } @media print { header, footer, [role=note] { display: none !important } }'}
        </style>
        <p className="mb-3 text-sm text-neutral-700 print:hidden">
          现金发放须农户确认：把确认码裁成小条交给农户本人，领钱时由农户告诉发放人。系统只保存确认码的密文，连续输错 5
          次即锁定，需重新打印。
        </p>
        <ConfirmCodeSheet action={issueConfirmCodesAction} households={households} />
      </Card>
    </>
  );
}
