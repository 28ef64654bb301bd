import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { DemoPaymentBanner } from '@/components/layout/demo-banner';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { TabBar } from '@/components/layout/tab-bar';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '个旧消费扶贫商城', template: '%s · 个旧消费扶贫商城' },
  description: '个旧市消费帮扶线上商城：经认定的农特产品与大屯幸福社区刺绣，收益与脱贫户、监测对象分享。',
  applicationName: '个旧消费扶贫商城',
  formatDetection: { telephone: false },
};

export const viewport: Viewport = {
  themeColor: '#b3261e',
  width: 'device-width',
  initialScale: 1,
  // The tab bar keeps clear of the home indicator (env(safe-area-inset-bottom)).
  viewportFit: 'cover',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-dvh flex-col pb-(--tab-bar-h) font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-white focus:p-3">
          跳到主要内容
        </a>
        <DemoPaymentBanner />
        <SiteHeader />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
        <TabBar />
      </body>
    </html>
  );
}
