'use client';

import { useRef, type ReactNode } from 'react';

/**
 * One 筛选 button that opens the filters in a sheet (a modal <dialog>: the page behind is inert, Esc
 * closes it): from the bottom on phones, from the side on wider screens. The form inside is plain GET.
 */
export function FilterSheet({ active, children }: { active: number; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        className="inline-flex min-h-11 shrink-0 items-center gap-1 rounded-full bg-white px-4 text-sm font-medium ring-1 ring-neutral-300 hover:ring-brand-600"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-none stroke-current stroke-2">
          <path d="M3 5h18l-7 8v6l-4 2v-8z" strokeLinejoin="round" />
        </svg>
        筛选
        {active ? <span className="text-brand-700 tabular">（{active}）</span> : null}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="filter-sheet-h"
        onClick={(e) => e.target === dialog.current && dialog.current.close()}
        className="m-0 mt-auto max-h-[88dvh] w-full max-w-none rounded-t-2xl bg-white p-0 backdrop:bg-black/40 md:mr-0 md:ml-auto md:h-dvh md:max-h-none md:w-md md:rounded-none md:rounded-l-2xl"
      >
        <div className="flex items-center justify-between border-b border-neutral-100 px-4 py-2">
          <h2 id="filter-sheet-h" className="text-lg font-semibold">
            筛选
          </h2>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="min-h-11 rounded-md px-3 text-neutral-700 hover:bg-neutral-100"
          >
            关闭
          </button>
        </div>
        <div className="px-4 pt-3 pb-[max(1rem,env(safe-area-inset-bottom))]">{children}</div>
      </dialog>
    </>
  );
}
