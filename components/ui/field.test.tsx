import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field } from './field';

const render = (props: { hint?: string; error?: string }) =>
  renderToStaticMarkup(
    <Field id="qty" label="数量" {...props}>
      {(c) => <input {...c} name="qty" />}
    </Field>,
  );

describe('Field', () => {
  it('ties the label, the hint and the error to the control', () => {
    const html = render({ hint: '正数入库', error: '请填写整数' });
    expect(html).toContain('<label for="qty"');
    expect(html).toContain('id="qty"');
    expect(html).toContain('aria-describedby="qty-err qty-hint"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<p id="qty-err" class="mt-1 text-sm text-brand-700">请填写整数</p>');
    expect(html).toContain('<p id="qty-hint"');
  });

  it('describes the control by its hint alone while there is no error, and by nothing without either', () => {
    const hinted = render({ hint: '正数入库' });
    expect(hinted).toContain('aria-describedby="qty-hint"');
    expect(hinted).not.toContain('aria-invalid');
    expect(hinted).not.toContain('qty-err');
    const bare = render({});
    expect(bare).not.toContain('aria-describedby');
  });
});
