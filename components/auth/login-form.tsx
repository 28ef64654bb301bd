'use client';

import { useEffect, useState } from 'react';
import { safeNextPath } from '@/domain/redirect';
import { Button } from '../ui/button';
import { TextField } from '../ui/field';

const MESSAGES: Record<string, string> = {
  invalid: '账号或密码错误',
  inactive: '该账号已停用，请联系个旧市消费扶贫办公室',
  rate_limited: '登录失败次数过多，请稍后再试',
  password_changed: '密码已修改，所有登录已退出，请用新密码登录',
};

/**
 * 登录. Posts to /api/auth/login; without JavaScript the same form posts natively and is redirected
 * (then to the home page, as ?next= is read by script).
 */
export function LoginForm() {
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);
  const [next, setNext] = useState('/');

  // The page is static; ?next= and ?error= are read here so that nothing replaces the form after load.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    setNext(safeNextPath(params.get('next')));
    const e = params.get('error');
    if (e) setError(MESSAGES[e] ?? '登录失败，请重试');
  }, []);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError('');
    const data = {
      ...Object.fromEntries(new FormData(e.currentTarget)),
      next: safeNextPath(new URLSearchParams(window.location.search).get('next')),
    };
    try {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
      });
      const body = (await res.json()) as { ok?: boolean; redirectTo?: string; error?: { message: string } };
      if (res.ok && body.ok) {
        window.location.assign(body.redirectTo ?? '/');
        return;
      }
      setError(body.error?.message ?? '登录失败，请重试');
    } catch {
      setError('网络异常，请稍后再试');
    }
    setPending(false);
  }

  return (
    <form method="post" action="/api/auth/login" onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="next" value={next} />
      <TextField
        id="login"
        label="账号 (邮箱或手机号)"
        name="login"
        autoComplete="username"
        required
        aria-describedby={error ? 'login-error' : undefined}
      />
      <TextField id="password" label="密码" name="password" type="password" autoComplete="current-password" required />
      <p id="login-error" role="alert" className="min-h-6 text-sm text-brand-700">
        {error}
      </p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? '登录中…' : '登录'}
      </Button>
    </form>
  );
}
