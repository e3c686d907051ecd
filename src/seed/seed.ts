import type { Database } from '../platform/db/database.js';
import type { Profile } from '../platform/profile/profile.js';
import { seedDemoAccounts, seedFirstAdmin, seedUnitsAndAgencies } from '../modules/identity/identity-seed.js';
import { seedRouting } from '../modules/routing/routing-seed.js';

export interface SeedResult {
  adminCreated: boolean;
  generatedAdminPassword: string | null;
  demoAccountsCreated: string[];
}

/**
 * Seeds a database; every step is idempotent. `base`: the profile's units, agencies, categories,
 * deadline policies, calendar and the first administrator. `demo`: base plus one account per role.
 */
export async function seedDatabase(
  database: Database,
  profile: Profile,
  level: 'base' | 'demo',
  passwords: { admin: string | undefined; demo: string },
): Promise<SeedResult> {
  return database.db.transaction(async (tx) => {
    await seedUnitsAndAgencies(tx, profile);
    await seedRouting(tx, profile);
    const admin = await seedFirstAdmin(tx, passwords.admin);
    const demo = level === 'demo' ? await seedDemoAccounts(tx, profile, passwords.demo) : [];
    return {
      adminCreated: admin.created,
      generatedAdminPassword: admin.generatedPassword,
      demoAccountsCreated: demo,
    };
  });
}
