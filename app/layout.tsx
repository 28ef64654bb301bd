import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { DemoPaymentBanner } from '@/components/layout/demo-banner';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '个旧消费扶贫商城', template: '%s · 个旧消费扶贫商城' },
  description: '个旧市消费扶贫线上商城：经认定的扶贫农特产品与大屯幸福社区刺绣，收益与贫困户分享。',
  applicationName: '个旧消费扶贫商城',
  formatDetection: { telephone: false },
};

export const viewport: Viewport = { themeColor: '#b3261e', width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-dvh flex-col font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-white focus:p-3">
          跳到主要内容
        </a>
        <DemoPaymentBanner />
        <SiteHeader />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
