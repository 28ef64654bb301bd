'use client';

import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">页面暂时无法显示</h1>
      <p className="mt-2 text-neutral-700">请稍后再试。如果问题持续出现，请联系个旧市消费扶贫办公室。</p>
      <Button onClick={reset} className="mt-6">
        重试
      </Button>
    </div>
  );
}
