import QRCode from 'qrcode';
import { IntentLink } from '@/components/layout/intent-link';
import type { OrderView } from '@/lib/orders/order-view';
import { balanceDue } from '@/domain/money-movements';
import { formatChinaDateTime } from '@/domain/time';
import { Card } from '../ui/card';
import { Money } from '../ui/money';
import { Notice } from '../ui/notice';
import { Countdown } from './countdown';
import { RefreshEvery } from './refresh-every';

const link = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2';

/** 微信扫码支付: the amount, the countdown to the order's expiry and the QR code of the trade's code_url. */
export async function WechatNativePay({
  order,
  codeUrl,
  resultHref,
}: {
  order: NonNullable<OrderView>;
  codeUrl: string | null;
  resultHref: string;
}) {
  const svg = codeUrl
    ? await QRCode.toString(codeUrl, {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
        color: { dark: '#1c1917', light: '#ffffff' },
      })
    : null;
  return (
    <Card className="text-center">
      <p className="text-neutral-700">订单 {order.orderNo}</p>
      <p className="mt-1 text-3xl font-bold text-brand-700">
        <Money fen={balanceDue(order)} />
      </p>
      {order.expiresAt ? (
        <p className="mt-2 text-sm text-amber-900">
          <Countdown
            deadline={order.expiresAt.toISOString()}
            fallback={`请在 ${formatChinaDateTime(order.expiresAt)} 前付款，逾期订单自动关闭`}
          />
        </p>
      ) : null}
      {svg ? (
        <>
          <div
            role="img"
            aria-label="微信支付二维码"
            className="mx-auto mt-4 size-56 rounded-lg ring-1 ring-neutral-200"
            dangerouslySetInnerHTML={{ __html: svg }}
          />
          <p className="mt-3 font-medium">请打开微信，使用“扫一扫”扫码付款</p>
          <p className="mt-1 text-sm text-neutral-700">付款完成后本页自动跳转到支付结果。</p>
          <RefreshEvery seconds={3} />
        </>
      ) : (
        <Notice tone="warning" className="mt-4">
          暂时无法显示付款二维码。如已在手机微信中付款，请查看支付结果。
        </Notice>
      )}
      <div className="mt-4">
        <IntentLink href={resultHref} className={link}>
          查看支付结果
        </IntentLink>
      </div>
    </Card>
  );
}
