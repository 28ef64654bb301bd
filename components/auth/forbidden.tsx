import { IntentLink } from '@/components/layout/intent-link';
import { Card } from '../ui/card';

/** 无权访问: what a signed-in user sees on a page that is not theirs. */
export function Forbidden({ message }: { message: string }) {
  return (
    <Card role="alert" padding="none" className="p-6 text-center">
      <p className="text-lg font-semibold">无权访问</p>
      <p className="mt-1 text-neutral-700">{message}</p>
      <IntentLink
        href="/"
        className="mt-4 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
      >
        返回首页
      </IntentLink>
    </Card>
  );
}
