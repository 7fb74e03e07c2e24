// Config discovery and cache for the CLI and the editor: for each file the nearest trusted `.draftlintrc.json` above
// it (or the one given with --config), loaded and validated once, with the rule names checked against the rules;
// and the packs a config names, loaded once per list. The CLI stops on the first error; the editor reports it and
// keeps the last good config (src/vscode/configs.ts) — both through this one resolver.
import * as path from 'path';
import { PackLoadResult, loadPacks } from './packs';
import { FileSystem, findConfigFile, loadConfigFile, withRuleOverrides } from './config';
import { defaultConfig, ResolvedConfig, RuleSetting } from '../core/types';

export interface ConfigResolverOptions {
  /** How files are read: node's fs for the CLI (with the trust checks), vscode.workspace.fs in the editor. */
  fs: FileSystem;
  /** The ids of the rules that exist (a config naming another id is an error); a function is called when the first
   *  config file loads (the editor loads the rule modules only then). */
  knownRules: Iterable<string> | (() => Iterable<string>);
  /** A config file given explicitly (--config): used for every file, no search. */
  explicit?: string;
  /** Rule settings layered over every config (--rule, the editor's draftLint.rules). */
  overrides?: Record<string, RuleSetting>;
  /** A config found by the search may name only packs inside its own folder (the CLI; the editor instead loads
   *  workspace packs only in a trusted workspace). Never for an explicit config. */
  confinePacks?: boolean;
  /** Told each distinct warning once (a config skipped because it is not trusted). */
  onWarning?: (message: string) => void;
}

/** Finds, loads and caches configs and pack sets; invalidate() forgets what a changed file affects. */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<string | undefined>>();
  private readonly byFile = new Map<string, Promise<ResolvedConfig>>();
  private readonly packSets = new Map<string, Promise<PackLoadResult>>();
  private knownSet?: Set<string>;
  private readonly warned = new Set<string>();

  constructor(readonly options: ConfigResolverOptions) {}

  private get known(): Set<string> {
    const k = this.options.knownRules;
    return (this.knownSet ??= new Set(typeof k === 'function' ? k() : k));
  }

  /** The config file that applies to files in `dir` (the explicit one, else the nearest trusted one above). */
  configFileFor(dir: string): Promise<string | undefined> {
    if (this.options.explicit) return Promise.resolve(this.options.explicit);
    let p = this.byDir.get(dir);
    if (!p) {
      p = findConfigFile(dir, this.options.fs, undefined, w => this.warn(w));
      this.byDir.set(dir, p);
    }
    return p;
  }

  /** Loads and validates a config file (cached); a rule name that is not a rule is an error with "did you mean".
   *  Throws DraftLintError naming the file and the JSON path. The overrides are not applied. */
  loadFile(file: string): Promise<ResolvedConfig> {
    let p = this.byFile.get(file);
    if (!p) {
      p = loadConfigFile(file, this.options.fs, { knownRules: this.known });
      this.byFile.set(file, p);
    }
    return p;
  }

  /** The config that applies to files in `dir`, with the overrides layered on top. */
  async forDir(dir: string): Promise<ResolvedConfig> {
    const file = await this.configFileFor(dir);
    return this.withOverrides(file ? await this.loadFile(file) : defaultConfig());
  }

  /** The config that applies to `file`. */
  forFile(file: string): Promise<ResolvedConfig> {
    return this.forDir(path.dirname(file));
  }

  /** Layers the resolver's overrides over a config. */
  withOverrides(cfg: ResolvedConfig): ResolvedConfig {
    return this.options.overrides && Object.keys(this.options.overrides).length ? withRuleOverrides(cfg, this.options.overrides) : cfg;
  }

  /** The built-in packs plus `paths` (absolute), loaded once per list. `confineTo`: every pack must lie inside this
   *  folder (a config found by the search names only packs of its own project). */
  packSet(paths: string[], confineTo?: string): Promise<PackLoadResult> {
    const key = `${confineTo ?? ''}\n${paths.join('\n')}`;
    let p = this.packSets.get(key);
    if (!p) {
      p = loadPacks(paths, '/', this.options.fs, confineTo ? { confineTo } : {});
      this.packSets.set(key, p);
    }
    return p;
  }

  /** The packs of a config (and `extra` ones, the editor's draftLint.packs), with confinePacks applied. */
  packsFor(cfg: ResolvedConfig, extra: string[] = []): Promise<PackLoadResult> {
    const confine = this.options.confinePacks && cfg.configPath && !this.options.explicit ? path.dirname(cfg.configPath) : undefined;
    return this.packSet([...cfg.packs, ...extra], confine);
  }

  /** Forgets the cached lookups, and the config or packs that `file` is (all when absent). */
  invalidate(file?: string): void {
    this.byDir.clear();
    if (!file) {
      this.byFile.clear();
      this.packSets.clear();
      return;
    }
    this.byFile.delete(file);
    for (const k of [...this.packSets.keys()]) if (k.split('\n').slice(1).includes(file)) this.packSets.delete(k);
  }

  private warn(w: string): void {
    if (this.warned.has(w)) return;
    this.warned.add(w);
    this.options.onWarning?.(w);
  }
}
