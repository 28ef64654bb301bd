import type { InputHTMLAttributes, ReactNode } from 'react';

/** The text input look shared by every form (44 px tall, 16 px text so phones do not zoom). */
export const inputClass =
  'h-11 w-full rounded-lg border border-neutral-300 bg-white px-3 text-base aria-[invalid=true]:border-brand-600';

/** What a control needs to be tied to its label, hint and error. */
export type FieldControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
};

/**
 * A label, the control, a hint and a Chinese error beside it. The control is given its id,
 * aria-describedby (hint and error) and aria-invalid through the render function.
 */
export function Field({
  id,
  label,
  hint,
  error,
  srOnlyLabel = false,
  className = '',
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  srOnlyLabel?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const describedBy = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={srOnlyLabel ? 'sr-only' : 'mb-1 block text-sm font-medium'}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-neutral-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-err`} className="mt-1 text-sm text-brand-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A labelled text input, the commonest Field: `input` holds the input's own attributes (name, type,
 * autoComplete …); `className` is the field's, as on Field.
 */
export function TextField({
  id,
  label,
  hint,
  srOnlyLabel,
  className,
  ...input
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  srOnlyLabel?: boolean;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>) {
  return (
    <Field id={id} label={label} hint={hint} srOnlyLabel={srOnlyLabel} className={className}>
      {(c) => <input {...c} {...input} className={inputClass} />}
    </Field>
  );
}

export type SelectOption = { value: string; label: string };

/** A labelled select of a filter form; `empty`, when given, is the first choice (value ''), which drops the filter. */
export function SelectField({
  id,
  name = id,
  label,
  value,
  empty,
  options,
}: {
  id: string;
  name?: string;
  label: string;
  value?: string;
  empty?: string;
  options: SelectOption[];
}) {
  return (
    <Field id={id} label={label}>
      {(c) => (
        <select {...c} name={name} defaultValue={value ?? ''} className={inputClass}>
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
