import { connection } from 'next/server';
import { dbKind } from '@/db/client';
import { pingDatabase } from '@/db/queries/health';
import { route } from '@/lib/http/route';

/** Liveness and database reachability. */
export const GET = route({ name: 'health' }, async () => {
  await connection();
  try {
    await pingDatabase();
    return Response.json({ ok: true, db: dbKind() }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    console.error('[health] database check failed:', e instanceof Error ? e.message : 'unknown error');
    return Response.json({ ok: false, db: dbKind() }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
});
