import { Button } from '../ui/button';
import { cardClass } from '../ui/card';
import { Field, inputClass } from '../ui/field';

export function VerifyForm({ defaultValue = '', error }: { defaultValue?: string; error?: string }) {
  return (
    <form action="/verify" className={`p-4 ${cardClass}`}>
      <Field id="no" label="认定证书编号" error={error}>
        {(c) => (
          <div className="flex gap-2">
            <input
              {...c}
              name="no"
              required
              maxLength={40}
              defaultValue={defaultValue}
              placeholder="例如 GJXF-0001"
              className={`${inputClass} min-w-0 flex-1 uppercase`}
            />
            <Button type="submit">查询</Button>
          </div>
        )}
      </Field>
    </form>
  );
}
