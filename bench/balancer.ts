import { startRoundRobinProxy } from '../src/cluster/round-robin-proxy.js';

/**
 * The cluster's round-robin balancer in a process of its own, as nginx would be: inside the bench process it would
 * share one event loop with the load generator and cap what two instances can show.
 * Usage: tsx bench/balancer.ts PORT INSTANCE_URL...
 */
const [port, ...instanceUrls] = process.argv.slice(2);
const proxy = await startRoundRobinProxy(instanceUrls, Number(port));
process.stdout.write(`listening ${proxy.url}\n`);
process.once('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
