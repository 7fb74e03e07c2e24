// Command-line arguments of `draft-lint`: tokenised by node:util parseArgs, checked into CliOptions, or a UsageError
// (exit code 2).
import { parseArgs as parseArgv } from 'node:util';
import { DOC_TYPE_SETTINGS } from '../core/types';
import type { DocTypeSetting, SeveritySetting } from '../core/types';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'html';

export interface CliOptions {
  patterns: string[];
  format: OutputFormat;
  fix: boolean;
  fixDryRun: boolean;
  /** --fix also applies the fixes of `info` findings (hints); by default only warnings and errors are fixed. */
  fixInfo: boolean;
  config?: string;
  docType?: DocTypeSetting;
  maxWarnings?: number;
  quiet: boolean;
  rules: { id: string; severity: SeveritySetting }[];
  stdin: boolean;
  stdinFilename?: string;
  figures: boolean;
  /** Print each file's document type (confidence, template, signals, excerpt) instead of linting. */
  printType: boolean;
  outputFile?: string;
  /** undefined: colour only on a TTY (and not with NO_COLOR). */
  color?: boolean;
  help: boolean;
  version: boolean;
  /** Print the resolved config for this file and exit. */
  printConfig?: string;
  listRules: boolean;
  /** Do not apply the config's ignore globs. */
  noIgnore: boolean;
  /** Write an annotated copy of each .docx into this folder. */
  annotate?: string;
  annotateMode: 'comments' | 'revisions' | 'both';
  /** Word documents: also read footnotes and endnotes. */
  notes: boolean;
}

/** A mistake on the command line (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const FORMATS: OutputFormat[] = ['stylish', 'json', 'sarif', 'html'];
const ANNOTATE_MODES = ['comments', 'revisions', 'both'] as const;
const DOC_TYPES: DocTypeSetting[] = DOC_TYPE_SETTINGS;
const SEVERITIES: SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** The options, as node:util parseArgs describes them (value options are `string`, flags `boolean`). bin/launch.js
 *  keeps its own list of the value options (it runs before this module is loaded): test cli.launcher compares them. */
export const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  type: { type: 'string' },
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
  'stdin-filename': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  'print-config': { type: 'string' },
  annotate: { type: 'string' },
  'annotate-mode': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'fix-info': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  stdin: { type: 'boolean' },
  figures: { type: 'boolean' },
  'print-type': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'list-rules': { type: 'boolean' },
  'no-ignore': { type: 'boolean' },
  notes: { type: 'boolean' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

type OptionName = keyof typeof OPTIONS;

/** The flags and the CliOptions field each one sets to true (`--no-color` sets color to false). */
const FLAGS: Partial<Record<OptionName, keyof CliOptions>> = {
  fix: 'fix',
  'fix-dry-run': 'fixDryRun',
  'fix-info': 'fixInfo',
  quiet: 'quiet',
  stdin: 'stdin',
  figures: 'figures',
  'print-type': 'printType',
  color: 'color',
  help: 'help',
  version: 'version',
  'list-rules': 'listRules',
  'no-ignore': 'noIgnore',
  notes: 'notes',
};

/** Parses argv (without node and the script path) with node:util parseArgs (its tokens, so that every option keeps
 *  its own message and the order of repeated options is seen). Throws UsageError. */
export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { patterns: [], format: 'stylish', fix: false, fixDryRun: false, fixInfo: false, quiet: false, rules: [], stdin: false, figures: false, printType: false, help: false, version: false, listRules: false, noIgnore: false, annotateMode: 'comments', notes: false };
  let seenAnnotateMode = false;
  let seenFormat = false;
  const { tokens } = parseArgv({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'positional') {
      o.patterns.push(t.value);
      continue;
    }
    if (t.kind === 'option-terminator') continue;
    const name = t.rawName;
    const spec = Object.prototype.hasOwnProperty.call(OPTIONS, t.name) ? OPTIONS[t.name as OptionName] : undefined;
    if (!spec) throw new UsageError(`不认识的选项 ${name} (unknown option)。运行 draft-lint --help 查看用法`);
    if (spec.type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`选项 ${name} 不带参数 (option ${name} takes no value)`);
      if (t.name === 'no-color') o.color = false;
      else (o as unknown as Record<string, boolean>)[FLAGS[t.name as OptionName]!] = true;
      continue;
    }
    const value = t.value;
    if (value === undefined) throw new UsageError(`选项 ${name} 需要一个参数 (option ${name} needs a value)`);
    switch (t.name as OptionName) {
      case 'format':
        if (!FORMATS.includes(value as OutputFormat)) throw new UsageError(`--format 的取值应为 ${FORMATS.join(' | ')}，而不是 "${value}"`);
        if (seenFormat && o.format !== value) throw new UsageError('--format 只能给一次');
        o.format = value as OutputFormat;
        seenFormat = true;
        break;
      case 'config':
        o.config = value;
        break;
      case 'type':
        if (!DOC_TYPES.includes(value as DocTypeSetting)) throw new UsageError(`--type 的取值应为 ${DOC_TYPES.join(' | ')}，而不是 "${value}"`);
        o.docType = value as DocTypeSetting;
        break;
      case 'max-warnings': {
        if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings 需要一个非负整数，而不是 "${value}"`);
        o.maxWarnings = Number(value);
        break;
      }
      case 'rule': {
        for (const part of value.split(',').map(s => s.trim()).filter(Boolean)) {
          const m = /^(.+?):(off|info|warning|error)$/.exec(part);
          if (!m) throw new UsageError(`--rule 的格式应为 规则:级别（级别为 ${SEVERITIES.join(' | ')}），例如 --rule punctuation/empty-pair:off，而不是 "${part}"`);
          o.rules.push({ id: m[1], severity: m[2] as SeveritySetting });
        }
        break;
      }
      case 'stdin-filename':
        o.stdinFilename = value;
        break;
      case 'output-file':
        o.outputFile = value;
        break;
      case 'print-config':
        o.printConfig = value;
        break;
      case 'annotate':
        o.annotate = value;
        break;
      case 'annotate-mode':
        if (!(ANNOTATE_MODES as readonly string[]).includes(value)) throw new UsageError(`--annotate-mode 的取值应为 ${ANNOTATE_MODES.join(' | ')}，而不是 "${value}"`);
        o.annotateMode = value as CliOptions['annotateMode'];
        seenAnnotateMode = true;
        break;
    }
  }
  // `-` alone stands for standard input.
  if (o.patterns.length === 1 && o.patterns[0] === '-') {
    o.patterns = [];
    o.stdin = true;
  }
  if (o.fix && o.fixDryRun) throw new UsageError('--fix 与 --fix-dry-run 不能同时使用');
  if (o.stdinFilename !== undefined && !o.stdin) throw new UsageError('--stdin-filename 只能与 --stdin 一起使用');
  if (o.stdin && o.patterns.length) throw new UsageError('使用 --stdin 时不能再给文件或目录');
  if (o.figures && (o.fix || o.fixDryRun)) throw new UsageError('--figures 不能与 --fix / --fix-dry-run 一起使用');
  if (o.figures && (o.format === 'sarif' || o.format === 'html')) throw new UsageError(`--figures 只支持 --format stylish 或 json${o.format === 'html' ? '（HTML 报告本身就包含数字台账）' : ''}`);
  if (seenAnnotateMode && o.annotate === undefined) throw new UsageError('--annotate-mode 只能与 --annotate <目录> 一起使用');
  if (o.annotate !== undefined && (o.stdin || o.fix || o.fixDryRun || o.figures)) throw new UsageError('--annotate 不能与 --stdin、--fix、--fix-dry-run 或 --figures 一起使用');
  if (o.printType && (o.fix || o.fixDryRun || o.figures || o.annotate !== undefined)) throw new UsageError('--print-type 不能与 --fix / --fix-dry-run / --figures / --annotate 一起使用');
  if (o.printType && (o.format === 'sarif' || o.format === 'html')) throw new UsageError('--print-type 只支持 --format stylish 或 json');
  return o;
}

export const HELP = `draft-lint — 政协文稿审校 (lint Chinese political-consultative drafts)

用法 Usage:
  draft-lint [选项 options] <文件|目录|glob …>
  draft-lint --stdin [--stdin-filename 名称] [选项]      （也可用 - 代替 --stdin）

  目录中查找 .txt、.md 和 Word（.docx）文件（跳过 node_modules、.git、out）；glob 如 "drafts/**/*.txt" 请加引号。
  Directories are searched for .txt, .md and .docx files; quote globs.

选项 Options:
  -f, --format <stylish|json|sarif|html>
                                      输出格式，默认 stylish；html 为可打印的审校报告（-o 指向目录时每篇一份）
      --fix                           自动修复并写回文件（保留编码、BOM、换行符）(fix files in place)
      --fix-dry-run                   只显示将要做的修改，不写文件 (show the changes, write nothing)
      --fix-info                      --fix 也应用“提示”级问题的修改（默认只修复警告和错误）(also fix info hints)
  -c, --config <文件>                 使用指定的配置文件，不再向上查找 .draftlintrc.json (use this config)
      --type <auto|report|review-report|proposal|plan|sqmy|other>
                                      文稿类型：工作报告、提案工作情况／审查情况的报告、提案、工作要点/计划、
                                      社情民意信息、其他；默认 auto
      --print-type                    只显示每个文件识别出的文种、置信度、模板、识别依据、是否节选（可配合 --format json）
      --rule <规则:级别>              覆盖规则级别，可重复，级别为 off|info|warning|error
                                      例 --rule punctuation/half-width:off --rule "wording/*:warning"
      --max-warnings <N>              警告超过 N 个时退出码为 1 (fail when warnings exceed N)
  -q, --quiet                         只报告错误，不显示警告和提示 (errors only)
      --stdin                         从标准输入读取文稿 (lint standard input)
      --stdin-filename <名称>         标准输入的文件名（用于查找配置、识别 Markdown）
      --figures                       列出每个文件的数字台账（与 --format json 一起时输出 JSON）
  -o, --output-file <文件>            把报告写入文件而不是标准输出 (write the report to a file)
      --annotate <目录>                 为每个 .docx 在该目录写一份带批注的副本（原文不改）
      --annotate-mode <comments|revisions|both>
                                      批注方式：comments 全部写成批注（默认）；revisions 可修复的问题写成
                                      修订（接受/拒绝），其余写成批注；both 批注并修订
      --notes                         Word 文稿的脚注、尾注也检查（接在正文之后；批注标在脚注号上）
      --no-ignore                     不使用配置文件中的 ignore 设置 (do not apply ignore globs)
      --timing                        运行后在标准错误输出各规则用时 (per-rule time report on stderr)
      --print-config <文件>           显示对该文件生效的配置（JSON）(print the config that applies to a file)
      --list-rules                    列出全部规则（与 --format json 一起时输出 JSON）(list the rules)
      --color, --no-color             强制开启/关闭颜色（默认只在终端中着色）
  -h, --help                          显示本帮助 (show this help)
  -v, --version                       显示版本号 (show the version)

退出码 Exit codes:
  0  没有错误，警告数未超过 --max-warnings (no errors)
  1  仍有错误，或警告超过 --max-warnings (problems remain)
  2  用法错误、配置错误或文件无法读取 (usage, config or I/O failure)

示例 Examples:
  draft-lint examples/
  draft-lint --format json drafts/2024-report.txt
  draft-lint --fix "drafts/**/*.md"
  draft-lint --annotate 审校/ --format html -o 审校/ 来稿/      （每篇 .docx 得到批注副本和 HTML 报告）
  cat draft.txt | draft-lint --stdin --stdin-filename draft.txt
`;
