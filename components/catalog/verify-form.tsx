export function VerifyForm({ defaultValue = '', error }: { defaultValue?: string; error?: string }) {
  return (
    <form action="/verify" className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
      <label htmlFor="no" className="mb-1 block font-medium">
        认定证书编号
      </label>
      <div className="flex gap-2">
        <input
          id="no"
          name="no"
          required
          maxLength={40}
          defaultValue={defaultValue}
          placeholder="例如 GJXF-0001"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'no-error' : undefined}
          className="h-11 min-w-0 flex-1 rounded-lg border border-neutral-300 px-3 text-base uppercase"
        />
        <button type="submit" className="h-11 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
          查询
        </button>
      </div>
      {error ? (
        <p id="no-error" className="mt-2 text-sm text-brand-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
