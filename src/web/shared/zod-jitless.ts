import { z } from 'zod';

// Imported first by each web entry: zod would otherwise probe `new Function` while the contracts build
// their schemas, which our Content-Security-Policy (no 'unsafe-eval') reports as a violation in every
// visitor's console. Without the probe zod validates the same way, only without generated code.
z.config({ jitless: true });
