import { closeDb, getDb } from '@/db/client';
import { seedDemoData } from '@/db/seed';

await seedDemoData(getDb());
await closeDb();
console.log('[db] demo data seeded');
