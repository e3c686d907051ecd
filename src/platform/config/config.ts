import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Folder where province profiles live (one sub-folder each). */
export const PROFILES_DIR = path.resolve(import.meta.dirname, '../../../profiles');

const port = z.coerce
  .number({ error: 'phải là một số / must be a number' })
  .int('phải là số nguyên / must be an integer')
  .min(1, 'phải từ 1 đến 65535 / must be 1–65535')
  .max(65535, 'phải từ 1 đến 65535 / must be 1–65535');

const base64Key = z
  .string()
  .refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v.trim()) && Buffer.from(v, 'base64').length === 32, {
    error:
      'phải là 32 byte mã hoá base64 (openssl rand -base64 32) / must be 32 bytes in base64 (openssl rand -base64 32)',
  });

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1, 'không được để trống / must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// / must start with postgres://')
    .optional(),
  PUBLIC_URL: z
    .url({ error: 'phải là một URL đầy đủ, ví dụ http://localhost:3000 / must be a full URL' })
    .optional(),
  PROFILE: z
    .string()
    .regex(
      /^[a-z0-9-]+$/,
      'chỉ gồm chữ thường, số và dấu gạch ngang / lower-case letters, digits, dashes only',
    )
    .refine((p) => existsSync(path.join(PROFILES_DIR, p, 'profile.json')), {
      error: 'không có hồ sơ tỉnh này trong thư mục profiles/ / no such profile in profiles/',
    })
    .default('long-an-2022'),
  ADMIN_PASSWORD: z
    .string()
    .min(10, 'phải có ít nhất 10 ký tự / must have at least 10 characters')
    .optional(),
  DEMO_PASSWORD: z
    .string()
    .min(10, 'phải có ít nhất 10 ký tự / must have at least 10 characters')
    .default('LongAnSo@2022'),
  SEED: z
    .enum(['demo', 'base', 'none'], { error: 'phải là demo, base hoặc none / must be demo, base or none' })
    .default('demo'),
  PROCESS_ROLE: z
    .enum(['all', 'web', 'worker'], { error: 'phải là all, web hoặc worker / must be all, web or worker' })
    .default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMS_ADAPTER: z
    .enum(['dev', 'http'], { error: 'phải là dev hoặc http / must be dev or http' })
    .default('dev'),
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'phải bắt đầu bằng smtp:// hoặc smtps:// / must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  MAIL_AUTO_CAP_PER_HOUR: z.coerce
    .number({ error: 'phải là một số / must be a number' })
    .int()
    .min(1)
    .max(1000)
    .default(10),
  /** New reports one sender may open by mail per hour; further mail becomes follow-ups (mail bombs). */
  MAIL_REPORT_CAP_PER_HOUR: z.coerce
    .number({ error: 'phải là một số / must be a number' })
    .int()
    .min(1)
    .max(1000)
    .default(5),
  IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\//, 'phải bắt đầu bằng imap:// hoặc imaps:// / must start with imap:// or imaps://')
    .optional(),
  IMAP_MAILBOX: z.string().min(1).default('INBOX'),
  IMAP_POLL_CRON: z.string().min(9).default('* * * * *'),
  /** Days after a report is closed or rejected before its reporter's identity is removed (0: never). */
  ANONYMISE_AFTER_DAYS: z.coerce
    .number({ error: 'phải là một số / must be a number' })
    .int()
    .min(0)
    .max(36500)
    .default(730),
  CTI_SECRET: z.string().min(32, 'phải có ít nhất 32 ký tự / must have at least 32 characters').optional(),
  METRICS_TOKEN: z.string().min(24, 'phải có ít nhất 24 ký tự / must have at least 24 characters').optional(),
  DEMO_API_KEY: z.string().min(16, 'phải có ít nhất 16 ký tự / must have at least 16 characters').optional(),
  /** AES-256-GCM key for personal data at rest (base64, 32 bytes); unset → DATA_DIR/data-encryption.key. */
  DATA_ENCRYPTION_KEY: base64Key.optional(),
  /** Keys used before a rotation, comma-separated: values sealed with them are read and re-encrypted at start. */
  DATA_ENCRYPTION_PREVIOUS_KEYS: z
    .string()
    .refine((v) => v.split(',').every((k) => base64Key.safeParse(k.trim()).success), {
      error:
        'mỗi khoá phải là 32 byte base64, cách nhau bằng dấu phẩy / each key must be 32 bytes in base64, comma-separated',
    })
    .optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  RATE_LIMIT_SCALE: z.coerce
    .number({ error: 'phải là một số / must be a number' })
    .positive()
    .max(1000)
    .default(1),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  profile: string;
  adminPassword: string | undefined;
  demoPassword: string;
  seed: 'demo' | 'base' | 'none';
  processRole: 'all' | 'web' | 'worker';
  logLevel: Env['LOG_LEVEL'];
  sms: { adapter: 'dev' | 'http'; url: string | undefined; token: string | undefined };
  trustProxy: boolean;
  /** Mail: SMTP out (unset → DATA_DIR/mail-outbox.log), IMAP in (unset → no mailbox polling). */
  mail: {
    smtpUrl: string | undefined;
    from: string | undefined;
    autoCapPerHour: number;
    reportCapPerHour: number;
    imapUrl: string | undefined;
    imapMailbox: string;
    imapPollCron: string;
  };
  /** The telephony (CTI) webhook's shared HMAC secret; unset → the webhook answers 404. */
  cti: { secret: string | undefined };
  /** Bearer token for GET /metrics; unset → only direct requests from this machine (no proxy) are served. */
  metricsToken: string | undefined;
  /** Days after closing (or rejection) before a report's reporter identity is removed; 0 keeps it. */
  anonymiseAfterDays: number;
  /** The Open311 key the demo seed registers (else a random one, printed once). */
  demoApiKey: string | undefined;
  secureCookies: boolean;
  /** Data encryption keys (personal data at rest); `current` unset → a key kept in DATA_DIR. */
  dataKeys: { current: Buffer | undefined; previous: Buffer[] };
  /** Multiplies every rate limit (load tests and test suites raise it; production keeps 1). */
  rateLimitScale: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super('Cấu hình không hợp lệ / Invalid configuration:\n' + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from environment variables; throws ConfigError naming every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    raw[key] = value === '' ? undefined : value;
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '?');
        const shown =
          /PASSWORD|TOKEN|_URL|KEY|SECRET/.test(key) && key !== 'PUBLIC_URL'
            ? '***'
            : JSON.stringify(raw[key]);
        return `${key}=${shown}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.SMS_ADAPTER === 'http' && !e.SMS_HTTP_URL) {
    throw new ConfigError(['SMS_HTTP_URL: bắt buộc khi SMS_ADAPTER=http / required when SMS_ADAPTER=http']);
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    profile: e.PROFILE,
    adminPassword: e.ADMIN_PASSWORD,
    demoPassword: e.DEMO_PASSWORD,
    seed: e.SEED,
    processRole: e.PROCESS_ROLE,
    logLevel: e.LOG_LEVEL,
    sms: { adapter: e.SMS_ADAPTER, url: e.SMS_HTTP_URL, token: e.SMS_HTTP_TOKEN },
    trustProxy: e.TRUST_PROXY === 'true',
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      autoCapPerHour: e.MAIL_AUTO_CAP_PER_HOUR,
      reportCapPerHour: e.MAIL_REPORT_CAP_PER_HOUR,
      imapUrl: e.IMAP_URL,
      imapMailbox: e.IMAP_MAILBOX,
      imapPollCron: e.IMAP_POLL_CRON,
    },
    cti: { secret: e.CTI_SECRET },
    metricsToken: e.METRICS_TOKEN,
    anonymiseAfterDays: e.ANONYMISE_AFTER_DAYS,
    demoApiKey: e.DEMO_API_KEY,
    rateLimitScale: e.RATE_LIMIT_SCALE,
    dataKeys: {
      current: e.DATA_ENCRYPTION_KEY ? Buffer.from(e.DATA_ENCRYPTION_KEY.trim(), 'base64') : undefined,
      previous: (e.DATA_ENCRYPTION_PREVIOUS_KEYS ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
        .map((k) => Buffer.from(k, 'base64')),
    },
    secureCookies: publicUrl.startsWith('https://'),
  };
}
