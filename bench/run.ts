import { benchBroadcast } from './broadcast.js';
import { benchCartaAccuracy } from './carta-accuracy.js';
import { benchIntake } from './intake.js';
import { benchNluAccuracy } from './nlu-accuracy.js';
import { benchReplyLatency } from './reply-latency.js';
import { benchReportSummary } from './report-summary.js';
import { describeMachine } from './machine.js';
import { benchMatrix } from './matrix.js';

/**
 * `npm run bench`: measures and prints; never asserts. With no name it runs the matrix (every figure of issue 8 in one
 * table); pick suites with `npm run bench -- intake reply-latency` or `npm run bench -- all` for every suite.
 */
const suites: Record<string, () => Promise<void>> = {
  intake: benchIntake,
  'reply-latency': benchReplyLatency,
  'nlu-accuracy': benchNluAccuracy,
  'carta-accuracy': benchCartaAccuracy,
  'report-summary': benchReportSummary,
  broadcast: benchBroadcast,
  matrix: benchMatrix,
};

const chosen = process.argv.slice(2).filter((name) => name in suites);
console.log(`# Whats Palmas benchmarks\nmachine: ${describeMachine()}\ndate: ${new Date().toISOString()}`);
const all = process.argv.includes('all');
for (const name of all ? Object.keys(suites) : chosen.length > 0 ? chosen : ['matrix']) await suites[name]!();
