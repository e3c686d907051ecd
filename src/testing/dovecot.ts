import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/** A free loopback TCP port (asked of the kernel, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

function idOf(name: string, file: string): number {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no ${name} in ${file}`);
  return Number(line.split(':')[2]);
}

/**
 * A private Debian Dovecot (IMAP only, plaintext login on loopback) in a temporary folder, for tests
 * that need a real mailbox: one user, maildir storage, a free port. Needs root (Dovecot drops to its own
 * users) and the dovecot-imapd package (CI installs it). See docs/shared stack notes.
 */
export class Dovecot {
  readonly user = 'hotline1022';
  readonly password = 'mat-khau-thu-nghiem';
  port = 0;
  private dir = '';
  private child: ChildProcess | null = null;

  get url(): string {
    return `imap://${this.user}:${this.password}@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.dir = mkdtempSync(path.join(tmpdir(), 'tinhso-dovecot-'));
    const d = this.dir;
    chmodSync(d, 0o755);
    mkdirSync(path.join(d, 'run'));
    mkdirSync(path.join(d, 'mail'));
    writeFileSync(path.join(d, 'users'), `${this.user}:{PLAIN}${this.password}\n`);
    const mailUid = idOf('mail', '/etc/passwd');
    const mailGid = idOf('mail', '/etc/group');
    chownSync(path.join(d, 'mail'), mailUid, mailGid);
    for (let attempt = 0; attempt < 5; attempt++) {
      this.port = await freePort();
      writeFileSync(
        path.join(d, 'dovecot.conf'),
        `protocols = imap
listen = 127.0.0.1
base_dir = ${d}/run
state_dir = ${d}/state
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${d}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${d}/users
}
userdb {
  driver = static
  args = uid=mail gid=mail home=${d}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${this.port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
log_path = ${d}/dovecot.log
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 8
`,
      );
      this.child = spawn('dovecot', ['-F', '-c', path.join(d, 'dovecot.conf')], { stdio: 'ignore' });
      const until = Date.now() + 10_000;
      while (Date.now() < until && this.child.exitCode === null) {
        if (await accepts(this.port)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      this.child.kill('SIGTERM');
    }
    let log = '';
    try {
      log = readFileSync(path.join(d, 'dovecot.log'), 'utf8');
    } catch {
      // no log written
    }
    throw new Error(`Dovecot did not start: ${log.slice(-2000)}`);
  }

  /** An IMAP client signed in as the mailbox user (the caller logs out). */
  async client(): Promise<ImapFlow> {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      auth: { user: this.user, pass: this.password },
      logger: false,
    });
    await c.connect();
    return c;
  }

  /** Puts messages into a folder with IMAP APPEND, as a mail server's delivery would. */
  async append(raw: Buffer | string, mailbox = 'INBOX'): Promise<void> {
    const c = await this.client();
    try {
      await c.append(mailbox, raw);
    } finally {
      await c.logout();
    }
  }

  /** The flags of every message in the folder, by UID. */
  async flags(mailbox = 'INBOX'): Promise<Map<number, Set<string>>> {
    const c = await this.client();
    const out = new Map<number, Set<string>>();
    try {
      const lock = await c.getMailboxLock(mailbox);
      try {
        for await (const m of c.fetch('1:*', { flags: true, uid: true }))
          out.set(m.uid, m.flags ?? new Set());
      } finally {
        lock.release();
      }
    } finally {
      await c.logout();
    }
    return out;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(resolve, 5000).unref();
      });
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
