// Entry point that VS Code's test runner loads inside the extension host (`--extensionTestsPath`): runs the mocha
// suite and prints the closing line `integration: N passed, N failed` that CI reads.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  const grep = process.env.DRAFT_LINT_IT_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const s = runner.stats ?? { passes: 0, failures };
        console.log(`integration: ${s.passes} passed, ${s.failures} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (e) {
      console.log('integration: 0 passed, 1 failed');
      reject(e);
    }
  });
}
