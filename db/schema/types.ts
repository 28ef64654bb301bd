import { customType } from 'drizzle-orm/pg-core';

/** Raw bytes (images, encrypted personal data). postgres.js and PGlite both return Uint8Array/Buffer. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return 'bytea';
  },
});
