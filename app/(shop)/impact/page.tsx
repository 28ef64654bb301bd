import type { Metadata } from 'next';
import { PageFrame } from '@/components/layout/page-frame';
import { ImpactReport } from '@/components/impact/impact-report';
import { cachedImpact } from '@/lib/cache/reads';

export const metadata: Metadata = {
  title: '消费帮扶成效',
  description: '个旧市消费帮扶销售额与目标进度：按渠道、推介会、直播、分类、乡镇和供应商分列，可追溯到每一笔订单。',
};

export default async function ImpactPage() {
  const { impact, benefit, updatedAt } = await cachedImpact();
  return (
    <PageFrame title="消费帮扶成效" width="max-w-6xl">
      <p className="mt-1 max-w-3xl text-neutral-700">
        个旧市行政、事业单位和社会各界通过本商城购买认定产品、助力脱贫户和监测对象增收的实时统计。每一分钱都对应一笔已付款订单的商品行，退款当即扣除。
      </p>
      <div className="mt-6">
        <ImpactReport impact={impact} benefit={benefit} updatedAt={updatedAt} />
      </div>
    </PageFrame>
  );
}
