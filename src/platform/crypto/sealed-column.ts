import { customType } from 'drizzle-orm/pg-core';
import { Sealed } from './field-cipher.js';

/** A text column holding an encrypted personal value (`Sealed`); the database sees only `ts1.…` text. */
export const sealedText = customType<{ data: Sealed; driverData: string }>({
  dataType: () => 'text',
  toDriver: (v) => v.stored,
  fromDriver: (v) => Sealed.fromStored(v),
});
