import { benchBroadcast } from './broadcast.js';
import { benchCartaAccuracy } from './carta-accuracy.js';
import { benchIntake } from './intake.js';
import { benchNluAccuracy } from './nlu-accuracy.js';
import { benchReplyLatency } from './reply-latency.js';
import { benchReportSummary } from './report-summary.js';
import { describeMachine } from './machine.js';

/** `npm run bench`: measures and prints; never asserts. Pick one with `npm run bench -- intake`. */
const suites: Record<string, () => Promise<void>> = {
  intake: benchIntake,
  'reply-latency': benchReplyLatency,
  'nlu-accuracy': benchNluAccuracy,
  'carta-accuracy': benchCartaAccuracy,
  'report-summary': benchReportSummary,
  broadcast: benchBroadcast,
};

const chosen = process.argv.slice(2).filter((name) => name in suites);
console.log(`# Whats Palmas benchmarks\nmachine: ${describeMachine()}\ndate: ${new Date().toISOString()}`);
for (const name of chosen.length > 0 ? chosen : Object.keys(suites)) await suites[name]!();
