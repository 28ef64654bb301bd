import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EMPTY_PAYEE } from '@/domain/payee';
import { PayeeDetails } from './payee-details';

const payee = {
  accountName: '个旧市消费帮扶商城运营中心（演示）',
  bank: '农业银行个旧支行',
  accountNo: '6228480012345678901',
};

describe('PayeeDetails', () => {
  it('says the office has not set the account, and shows no account, until it has', () => {
    const html = renderToStaticMarkup(<PayeeDetails payee={EMPTY_PAYEE} reference="ZZ7KQ2M9XA" amountFen={172_100n} />);
    expect(html).toContain('消费扶贫办公室尚未设置收款账户');
    expect(html).not.toContain('账号');
    expect(html).not.toContain('复制');
    const half = renderToStaticMarkup(
      <PayeeDetails payee={{ ...payee, accountNo: '' }} reference="ZZ7KQ2M9XA" amountFen={172_100n} />,
    );
    expect(half).toContain('尚未设置收款账户');
  });
  it('shows the account, the 识别码 and the exact amount, each with its own labelled copy button', () => {
    const html = renderToStaticMarkup(<PayeeDetails payee={payee} reference="ZZ7KQ2M9XA" amountFen={172_100n} />);
    expect(html).toContain('6228 4800 1234 5678 901');
    expect(html).toContain('ZZ7KQ2M9XA');
    expect(html).toContain('¥1,721.00');
    expect(html).toContain('人民币壹仟柒佰贰拾壹元整');
    for (const l of ['复制户名', '复制开户行', '复制账号', '复制转账附言（识别码）', '复制转账金额'])
      expect(html).toContain(`aria-label="${l}"`);
  });
  it('prints without buttons', () => {
    const html = renderToStaticMarkup(<PayeeDetails payee={payee} reference="ZZ7KQ2M9XA" amountFen={100n} print />);
    expect(html).not.toContain('<button');
  });
});
