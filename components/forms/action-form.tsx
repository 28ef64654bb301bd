'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionResult } from '@/lib/actions/safe-action';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { Notice } from '../ui/notice';

const fileInput =
  'h-auto py-2 file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:text-brand-800';

export type FieldSpec = {
  name: string;
  label: string;
  type?:
    | 'text'
    | 'email'
    | 'password'
    | 'tel'
    | 'number'
    | 'textarea'
    | 'select'
    | 'checkbox'
    | 'checkboxes'
    | 'radio'
    | 'hidden'
    | 'file'
    | 'date'
    | 'datetime-local';
  /** For file inputs. */
  accept?: string;
  multiple?: boolean;
  /** For textareas. */
  rows?: number;
  /** For selects, checkboxes and radios (a radio option may carry a mark drawn before its label). */
  options?: { value: string; label: string; mark?: React.ReactNode }[];
  /** For checkboxes: the checked values, comma-separated. */
  defaultValue?: string;
  placeholder?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text' | 'decimal';
  hint?: string;
  required?: boolean;
  wide?: boolean;
};

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

function Submit({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending}>
      {pending ? '提交中…' : label}
    </Button>
  );
}

/** A form driven by a server action through useActionState, with Chinese field errors beside each field. */
export function ActionForm({
  action,
  fields,
  submitLabel,
  className = '',
  successHint,
  idPrefix = '',
}: {
  idPrefix?: string;
  action: Action;
  fields: FieldSpec[];
  submitLabel: string;
  className?: string;
  successHint?: React.ReactNode;
}) {
  // React resets a form after its action runs; keep what was typed (except passwords) when it failed.
  // The form is keyed by the submission count, so it remounts with these values as its defaults
  // (a <select> does not follow a changed defaultValue on its own).
  const [state, formAction] = useActionState(
    async (prev: (ActionResult & { values?: Record<string, string>; n?: number }) | null, fd: FormData) => {
      const result = await action(prev, fd);
      const values: Record<string, string> = {};
      if (!result.ok) {
        for (const f of fields) {
          const v = fd.get(f.name);
          if (typeof v === 'string' && f.type !== 'password' && f.type !== 'checkboxes') values[f.name] = v;
        }
      }
      return { ...result, values, n: (prev?.n ?? 0) + 1 };
    },
    null,
  );
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const valueOf = (f: FieldSpec) => state?.values?.[f.name] ?? f.defaultValue;
  return (
    <form key={state?.n ?? 0} action={formAction} className={`grid gap-3 sm:grid-cols-2 ${className}`} noValidate>
      {fields.map((f) => {
        const id = `${idPrefix}f-${f.name}`;
        const err = errors[f.name];
        const described = [err ? `${id}-err` : '', f.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
        if (f.type === 'hidden') return <input key={f.name} type="hidden" name={f.name} value={f.defaultValue} />;
        if (f.type === 'checkbox') {
          return (
            <label key={f.name} className="flex min-h-11 items-center gap-2 sm:col-span-2">
              <input
                type="checkbox"
                name={f.name}
                defaultChecked={valueOf(f) === 'on'}
                className="size-5 accent-brand-600"
              />
              <span>{f.label}</span>
            </label>
          );
        }
        if (f.type === 'checkboxes') {
          return (
            <fieldset key={f.name} className="sm:col-span-2" aria-describedby={described}>
              <legend className="mb-1 text-sm font-medium">{f.label}</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {f.options?.map((o) => (
                  <label key={o.value} className="flex min-h-11 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name={f.name}
                      value={o.value}
                      defaultChecked={(f.defaultValue ?? '').split(',').includes(o.value)}
                      className="size-5 accent-brand-600"
                    />
                    <span>{o.label}</span>
                  </label>
                ))}
              </div>
              {err ? (
                <p id={`${id}-err`} className="mt-1 text-sm text-brand-700">
                  {err}
                </p>
              ) : null}
            </fieldset>
          );
        }
        if (f.type === 'radio') {
          const checked = valueOf(f) ?? f.options?.[0]?.value;
          return (
            <fieldset key={f.name} className="sm:col-span-2" aria-describedby={described}>
              <legend className="mb-1 text-sm font-medium">{f.label}</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {f.options?.map((o) => (
                  <label
                    key={o.value}
                    className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-neutral-300 bg-white px-3 has-checked:border-brand-600 has-checked:ring-1 has-checked:ring-brand-600"
                  >
                    <input
                      type="radio"
                      name={f.name}
                      value={o.value}
                      defaultChecked={checked === o.value}
                      className="size-5 accent-brand-600"
                    />
                    {o.mark}
                    <span className="text-base">{o.label}</span>
                  </label>
                ))}
              </div>
              {err ? (
                <p id={`${id}-err`} className="mt-1 text-sm text-brand-700">
                  {err}
                </p>
              ) : null}
            </fieldset>
          );
        }
        return (
          <Field
            key={f.name}
            id={id}
            label={f.label}
            hint={f.hint}
            error={err}
            className={f.wide || f.type === 'textarea' ? 'sm:col-span-2' : ''}
          >
            {(control) => {
              const common = { ...control, name: f.name, defaultValue: valueOf(f), required: f.required };
              if (f.type === 'textarea')
                return <textarea {...common} rows={f.rows ?? 3} className={`${inputClass} h-auto py-2`} />;
              if (f.type === 'select')
                return (
                  <select {...common} className={inputClass}>
                    {f.options?.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                );
              return (
                <input
                  {...common}
                  type={f.type ?? 'text'}
                  placeholder={f.placeholder}
                  autoComplete={f.autoComplete}
                  inputMode={f.inputMode}
                  accept={f.accept}
                  multiple={f.multiple}
                  defaultValue={f.type === 'file' ? undefined : common.defaultValue}
                  className={f.type === 'file' ? `${inputClass} ${fileInput}` : inputClass}
                />
              );
            }}
          </Field>
        );
      })}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Submit label={submitLabel} />
        <div role="status" aria-live="polite" className="text-sm">
          {state?.ok ? <span className="text-cert-800">{state.message}</span> : null}
          {state && !state.ok ? <span className="text-brand-700">{state.error}</span> : null}
        </div>
      </div>
      {state?.ok && state.data?.invitePath ? <InviteLink path={state.data.invitePath} /> : null}
      {state?.ok && successHint ? <div className="sm:col-span-2">{successHint}</div> : null}
    </form>
  );
}

function InviteLink({ path }: { path: string }) {
  const url = typeof window === 'undefined' ? path : `${window.location.origin}${path}`;
  return (
    <Notice tone="success" quiet className="sm:col-span-2">
      <p className="font-medium">邀请链接（只显示这一次）：</p>
      <p className="mt-1 font-mono break-all" data-testid="invite-link">
        {url}
      </p>
    </Notice>
  );
}
