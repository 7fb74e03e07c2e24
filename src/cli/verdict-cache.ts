// The regex checker's verdicts kept across runs (issue 17, item 12): an office pack with 50 patterns was checked again
// at every start. Stored in the user's cache folder (XDG_CACHE_HOME or ~/.cache)/draft-lint/regex-verdicts.json,
// keyed by a hash of the checker version, flags, options and pattern. Used only when the file belongs to the user
// and no one else can write it (a verdict says whether a pattern may run). DRAFT_LINT_CACHE=0 turns it off.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { RegexVerdict, VerdictStore } from '../host/regex-safety';
import { writeFileAtomically } from './write';

const MAX_ENTRIES = 20000;
const MAX_BYTES = 4 << 20;

export class VerdictCache implements VerdictStore {
  private map = new Map<string, RegexVerdict>();
  private dirty = false;

  private constructor(readonly file: string) {}

  /** The cache for this environment, or undefined (no HOME, turned off, or not trustworthy). */
  static open(env: Record<string, string | undefined>): VerdictCache | undefined {
    if (env.DRAFT_LINT_CACHE === '0') return undefined;
    const base = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, '.cache') : undefined);
    if (!base || !path.isAbsolute(base)) return undefined;
    const c = new VerdictCache(path.join(base, 'draft-lint', 'regex-verdicts.json'));
    try {
      const st = fs.statSync(c.file);
      const me = typeof process.geteuid === 'function' ? process.geteuid() : undefined;
      if (!st.isFile() || st.size > MAX_BYTES || (me !== undefined && st.uid !== me) || st.mode & 0o022) return c;
      const data = JSON.parse(fs.readFileSync(c.file, 'utf8')) as Record<string, RegexVerdict>;
      for (const [k, v] of Object.entries(data)) if (v && typeof v.safe === 'boolean') c.map.set(k, v);
    } catch {
      /* no cache yet, or unreadable: start empty */
    }
    return c;
  }

  private static hash(key: string): string {
    return createHash('sha256').update(key).digest('hex').slice(0, 40);
  }

  get(key: string): RegexVerdict | undefined {
    return this.map.get(VerdictCache.hash(key));
  }

  set(key: string, v: RegexVerdict): void {
    if (this.map.size >= MAX_ENTRIES) this.map.clear();
    this.map.set(VerdictCache.hash(key), v);
    this.dirty = true;
  }

  /** Writes the cache back when it changed (never fails the run). */
  async save(): Promise<void> {
    if (!this.dirty) return;
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      await writeFileAtomically(this.file, JSON.stringify(Object.fromEntries(this.map)), 0o600);
      this.dirty = false;
    } catch {
      /* a read-only home: no cache */
    }
  }
}
