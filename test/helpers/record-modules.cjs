// Test-only preload (node -r): on exit, writes to $AWSIDC_TEST_MODULE_REPORT the built-in modules loaded after this
// preload ran and the files in require.cache, so a test can prove what a command loaded. Never shipped.
'use strict';
const { writeFileSync } = require('node:fs');
const before = new Set(process.moduleLoadList);
process.on('exit', () => {
  const report = {
    builtins: process.moduleLoadList.filter((m) => !before.has(m)),
    files: Object.keys(require.cache).filter((f) => f !== __filename),
  };
  writeFileSync(process.env.AWSIDC_TEST_MODULE_REPORT, JSON.stringify(report));
});
