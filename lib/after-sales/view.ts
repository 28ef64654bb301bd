import 'server-only';
import { getDb } from '@/db/client';
import {
  isFullyShipped,
  listCasesForOffice,
  listCasesForOrder,
  listCasesForSupplier,
  listOrderEvents,
  type CaseListRow,
} from '@/db/queries/after-sales';
import { OPEN_AFTER_SALES } from '@/domain/after-sales';

export type AfterSalesCaseView = CaseListRow;

/** An order's after-sales cases, its timeline of receipt and after-sales steps, and whether every supplier shipped. */
export async function afterSalesOfOrder({ orderId }: { orderId: string }) {
  const [cases, events, fullyShipped] = await Promise.all([
    listCasesForOrder({ orderId }),
    listOrderEvents({ orderId }),
    isFullyShipped({ orderId }, getDb()),
  ]);
  return { cases, events, fullyShipped };
}

/** A supplier's cases, those waiting for it first. */
export const supplierCases = (supplierId: number) => listCasesForSupplier({ supplierId, limit: 200 });

/** The office's queue: refused or unanswered cases to decide, and every other open case to follow. */
export async function officeCases() {
  const [decide, open] = await Promise.all([
    listCasesForOffice({ statuses: ['office_review'], limit: 200 }),
    listCasesForOffice({ statuses: OPEN_AFTER_SALES.filter((s) => s !== 'office_review'), limit: 200 }),
  ]);
  return { decide, open };
}
