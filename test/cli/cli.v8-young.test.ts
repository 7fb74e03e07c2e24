// The CLI keeps a large run's young generation small by setting --semi-space-growth-factor=1 at run time
// (src/cli/main.ts, shouldFixYoungGeneration). That relies on V8 reading the flag whenever it would grow the young
// generation, not only when the isolate is made: this test spawns Node, sets the flag the way the CLI does and
// allocates garbage that survives a scavenge or two (as the rules' does), and checks the young generation did not
// grow — and, so that the test can fail, that without the flag it does.
import * as assert from 'assert';
import { spawnSync } from 'child_process';

function maxNewSpaceMiB(setFlag: boolean): number {
  const script = `
    const v8 = require('v8');
    if (${setFlag}) v8.setFlagsFromString('--semi-space-growth-factor=1');
    let max = 0;
    const keep = [];
    for (let round = 0; round < 400; round++) {
      for (let i = 0; i < 2000; i++) keep.push({ a: [round, i], s: 'x' + i });
      if (keep.length > 20000) keep.splice(0, 10000);
      const ns = v8.getHeapSpaceStatistics().find(s => s.space_name === 'new_space');
      if (ns) max = Math.max(max, ns.space_size);
    }
    process.stdout.write(String(max / 1048576));
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60000 });
  assert.strictEqual(r.status, 0, r.stderr);
  return Number(r.stdout);
}

describe('cli: V8 young generation kept small at run time (--semi-space-growth-factor=1)', function () {
  this.timeout(60000);

  it('the young generation stays at its starting size with the flag, and grows without it', () => {
    const fixed = maxNewSpaceMiB(true);
    const free = maxNewSpaceMiB(false);
    assert.ok(fixed <= 8, `with the flag the young generation reached ${fixed} MiB`);
    assert.ok(free > fixed, `without the flag it reached ${free} MiB, with it ${fixed} MiB`);
  });
});
