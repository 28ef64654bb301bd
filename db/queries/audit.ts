import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../client';
import { getDb } from '../client';
import { auditLog, users } from '../schema';

type Tx = Pick<Db, 'insert'>;

/** Records who did what to which record. `data` must never hold personal data in clear. */
export async function recordAudit(
  {
    actorUserId,
    action,
    entity,
    entityId,
    data,
  }: { actorUserId: string | null; action: string; entity: string; entityId: string; data?: Record<string, unknown> },
  tx: Tx = getDb(),
): Promise<void> {
  await tx
    .insert(auditLog)
    .values({ actorUserId, action, entity, entityId, data: data ?? null, system: actorUserId === null });
}

export async function listAuditLog({ limit, entity }: { limit: number; entity?: string }) {
  return getDb()
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(entity ? eq(auditLog.entity, entity) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** The latest audit entry of one record (action and data), or null: what was last decided about it. */
export async function latestAuditOf(
  { entity, entityId }: { entity: string; entityId: string },
  db: Executor = getDb(),
): Promise<{ action: string; data: unknown } | null> {
  const [r] = await db
    .select({ action: auditLog.action, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return r ?? null;
}
