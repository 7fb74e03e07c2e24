// Mocha reporter: mocha's usual dot output, then one closing line `unit: N passed, N failed` that CI reads
// (`--reporter-option tier=slow` names another tier: `slow: N passed, N failed`).
'use strict';
const Mocha = require('mocha');
const { EVENT_RUN_END } = Mocha.Runner.constants;

class ClosingLineReporter extends Mocha.reporters.Dot {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats;
      const tier = (options && options.reporterOptions && options.reporterOptions.tier) || 'unit';
      process.stdout.write(`\n${tier}: ${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ''}\n`);
    });
  }
}
module.exports = ClosingLineReporter;
