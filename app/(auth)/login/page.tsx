import type { Metadata } from 'next';
import { IntentLink } from '@/components/layout/intent-link';
import { LoginForm } from '@/components/auth/login-form';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: '登录' };

export default function LoginPage() {
  return (
    <div className="mx-auto max-w-md px-4 py-8">
      <h1 className="text-2xl font-bold">登录</h1>
      <Card className="mt-4">
        <LoginForm />
      </Card>
      <p className="mt-4 text-sm text-neutral-700">
        还没有账号？
        <IntentLink href="/register" className="font-medium text-brand-700 underline underline-offset-2">
          注册
        </IntentLink>
        ；单位采购请
        <IntentLink href="/register/unit" className="font-medium text-brand-700 underline underline-offset-2">
          注册单位
        </IntentLink>
        。
      </p>
    </div>
  );
}
