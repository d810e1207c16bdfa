import type { Results, Target } from './report.ts';
import { fmt } from './lib/table.ts';
import { issue13Targets } from './targets-issue13.ts';

const BUNDLE_LIMIT = 150_000;
const PROPAGATION_P95_LIMIT = 150;

/** The issue's targets, each PASS, SHORT or NOT MEASURED. Never a failure exit. */
export function judge(r: Omit<Results, 'targets'>): Target[] {
  const out: Target[] = [];
  const runs = r.fanout ?? [];
  const ours = runs.find((x) => x.kind === 'ours');
  const sio = runs.find((x) => x.kind === 'socketio');
  if (ours?.points.length && sio?.points.length) {
    const pairs = ours.points.map((p) => ({ p, s: sio.points.find((q) => q.n === p.n) }));
    const lat = pairs.map(({ p, s }) => ({ n: p.n, x: s ? p.latencyMs.p99 / s.latencyMs.p99 : NaN }));
    const cpu = pairs.map(({ p, s }) => ({ n: p.n, x: s ? p.cpuUsPerDelivery / s.cpuUsPerDelivery : NaN }));
    out.push(within13('fan-out p99 within 1.3× of bare socket.io at every N', lat));
    out.push(within13('fan-out CPU per delivery within 1.3× of bare socket.io at every N', cpu));
  } else {
    out.push({ what: 'fan-out p99 and CPU within 1.3× of bare socket.io', status: 'NOT MEASURED', detail: 'fan-out did not run for ours and socket.io' });
  }
  const big = ours?.points.find((p) => p.n >= 3000);
  out.push(
    big
      ? { what: '3,000 participants held on one process', status: big.connected >= 3000 && big.lost === 0 ? 'PASS' : 'SHORT', detail: `${big.connected} connected, ${big.lost} deliveries lost` }
      : { what: '3,000 participants held on one process', status: 'NOT MEASURED', detail: r.quick ? 'quick run' : 'N=3,000 not reached' },
  );
  out.push(...documentTargets(r));
  out.push(...issue13Targets(r));
  const b = r.bundle;
  out.push(
    b?.available
      ? { what: 'participant view under 150 KB gzip', status: b.gzipBytes < BUNDLE_LIMIT ? 'PASS' : 'SHORT', detail: `${fmt(b.gzipBytes / 1000)} KB` }
      : { what: 'participant view under 150 KB gzip', status: 'NOT MEASURED', detail: b?.note ?? 'not run' },
  );
  return out;
}

function within13(what: string, xs: { n: number; x: number }[]): Target {
  const ok = xs.every((v) => v.x <= 1.3);
  return { what, status: ok ? 'PASS' : 'SHORT', detail: xs.map((v) => `N=${v.n}: ${Number.isFinite(v.x) ? v.x.toFixed(2) : '–'}×`).join(', ') };
}

function documentTargets(r: Omit<Results, 'targets'>): Target[] {
  const runs = r.documents ?? [];
  const ours = runs.find((x) => x.kind === 'ours');
  if (!ours?.available) {
    return [{ what: 'documents: 400 steady editors p95 < 150 ms, as fast as the best reference', status: 'NOT MEASURED', detail: ours?.note ?? 'documents did not run' }];
  }
  const out: Target[] = [];
  const at400 = ours.points.find((p) => p.editors === 400);
  out.push(
    at400
      ? {
          what: 'documents: 400 editors typing steadily, propagation p95 < 150 ms',
          status: at400.steady.missing === 0 && at400.steady.propagationMs.p95 < PROPAGATION_P95_LIMIT ? 'PASS' : 'SHORT',
          detail: `p95 ${fmt(at400.steady.propagationMs.p95)} ms, ${at400.steady.missing} missing`,
        }
      : { what: 'documents: 400 editors typing steadily, propagation p95 < 150 ms', status: 'NOT MEASURED', detail: r.quick ? 'quick run' : '400 not run' },
  );
  const refs = runs.filter((x) => x.kind !== 'ours' && x.available);
  const detail: string[] = [];
  let ok = refs.length > 0;
  for (const p of ours.points) {
    const best = Math.min(...refs.map((x) => x.points.find((q) => q.editors === p.editors)?.steady.propagationMs.p95 ?? Infinity));
    const mine = p.steady.missing === 0 ? p.steady.propagationMs.p95 : Infinity;
    if (!(mine <= best)) ok = false;
    detail.push(`${p.editors}: ${fmt(mine)} vs ${fmt(best)} ms`);
  }
  out.push({ what: 'documents: steady p95 at every size ≤ best reference, while persisting', status: ok ? 'PASS' : 'SHORT', detail: detail.join(', ') || 'no sizes' });
  return out;
}
