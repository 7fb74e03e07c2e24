// Status bar: errors/warnings of the active document, and the segmenter's state while it loads or if it failed.
import * as vscode from 'vscode';
import { LintService } from './linter';
import { describeEngine, SegmenterHost } from './segmenter';
import { DOC_TYPE_NAMES } from '../core/types';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('draftLint.status', vscode.StatusBarAlignment.Right, 100);
  visible = false;

  constructor(
    private readonly linter: LintService,
    private readonly seg: SegmenterHost,
  ) {
    this.item.name = 'draft-lint 政协审校';
    this.item.command = 'workbench.actions.view.problems';
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    if (!doc || !this.linter.isLintable(doc)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const seg = this.seg.state;
    const tips: string[] = ['draft-lint 政协文稿审校'];
    const skipped = this.linter.skipped(doc.uri);
    let text: string;
    if (skipped) {
      text = '$(circle-slash) 审校：未检查';
      tips.push(skipped);
    } else {
      const diags = this.linter.published(doc.uri);
      const errors = diags.filter(d => d.severity === vscode.DiagnosticSeverity.Error).length;
      const warnings = diags.filter(d => d.severity === vscode.DiagnosticSeverity.Warning).length;
      const infos = diags.length - errors - warnings;
      text = diags.length ? `审校 $(error) ${errors} $(warning) ${warnings}${infos ? ` $(info) ${infos}` : ''}` : '审校 $(check)';
      tips.push(`错误 ${errors} 个，警告 ${warnings} 个，提示 ${infos} 个（点击打开问题面板）`);
    }
    if (seg.state === 'loading') {
      text += ' $(sync~spin)';
      tips.push('分词器加载中，依赖分词的规则稍后运行');
    } else if (seg.state === 'failed') {
      text += ' $(alert)';
      tips.push(`分词器加载失败：${seg.error ?? ''}；依赖分词的规则未运行`);
    } else if (seg.state === 'ready') tips.push(describeEngine(seg));
    const configError = this.linter.configs.lastError;
    if (configError) {
      text += ' $(warning)';
      tips.push(`配置有误，仍按上一次有效的配置检查：${configError}`);
    }
    const snap = this.linter.snapshot(doc);
    const slow = snap?.output.notices.filter(n => n.kind === 'rule-slow' && /本次跳过/.test(n.message)) ?? [];
    if (slow.length) {
      text += ' $(watch)';
      tips.push(...slow.map(n => n.message));
    }
    if (snap) tips.push(`文稿类型：${DOC_TYPE_NAMES[snap.output.docType] ?? snap.output.docType}　检查用时 ${Math.round(snap.ms)} ms${snap.config.config.configPath ? `　配置：${snap.config.config.configPath}` : ''}`);
    this.item.text = text;
    this.item.tooltip = tips.join('\n');
    this.item.backgroundColor = skipped ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.item.dispose();
  }
}
