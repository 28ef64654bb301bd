'use client';

import { useState } from 'react';
import { buttonClass } from './button';

/**
 * 复制: puts `value` on the clipboard and says so (announced to screen readers). Where the Clipboard
 * API is missing (plain http, old WebViews), the text is selected through a hidden textarea and copied
 * with execCommand; if both fail, the person is told to copy by hand.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [said, setSaid] = useState<'' | 'ok' | 'failed'>('');
  async function copy() {
    let ok = false;
    try {
      await navigator.clipboard.writeText(value);
      ok = true;
    } catch {
      const t = document.createElement('textarea');
      t.value = value;
      t.setAttribute('readonly', '');
      t.style.position = 'fixed';
      t.style.opacity = '0';
      document.body.appendChild(t);
      t.select();
      ok = document.execCommand('copy');
      t.remove();
    }
    setSaid(ok ? 'ok' : 'failed');
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        aria-label={`复制${label}`}
        className={`${buttonClass({ variant: 'secondary', size: 'sm' })} shrink-0`}
      >
        复制
      </button>
      <span role="status" aria-live="polite" className="text-sm text-cert-800">
        {said === 'ok' ? '已复制' : said === 'failed' ? '请长按手动复制' : ''}
      </span>
    </span>
  );
}
