import type { ObserverReport, TypistSends } from '../lib/messages.ts';
import { summarise, type Summary } from '../lib/stats.ts';

export interface PhaseResult {
  keystrokes: number;
  /** Keystroke → arrival at a full editor (every observer, every keystroke). */
  propagationMs: Summary;
  /** From the first keystroke (burst) or the last one (steady) until every observer held everything. */
  convergenceMs: number;
  /** Keystrokes delivered per second: keystrokes × recipients / time to converge. */
  relayPerSec: number;
  /** Server CPU per keystroke delivered to one recipient, µs. */
  cpuUsPerDelivery: number;
  /** Keystroke arrivals the observers never saw within the time limit. */
  missing: number;
  /** All observers hold the same text, of the expected length. */
  converged: boolean;
  /** What the light editors received in total (updates from others, as sent by the server). */
  typistsReceived: { messages: number; bytes: number };
}

export function analysePhase(
  mode: 'steady' | 'burst',
  sends: TypistSends[],
  reports: ObserverReport[],
  missingPerObserver: number[],
  recipients: number,
  cpuNs: number,
  typistsReceived: { messages: number; bytes: number },
): PhaseResult {
  const latencies: number[] = [];
  let first = Infinity;
  let lastSend = 0;
  let lastArrival = 0;
  let keystrokes = 0;
  for (const s of sends) {
    s.times.forEach((t) => {
      if (typeof t !== 'number') return;
      keystrokes++;
      first = Math.min(first, t);
      lastSend = Math.max(lastSend, t);
    });
  }
  for (const r of reports) {
    for (const s of sends) {
      const row = r.arrivals[String(s.client)] ?? {};
      s.times.forEach((t, clock) => {
        if (typeof t !== 'number') return;
        const arrived = row[clock];
        if (arrived === undefined) return;
        latencies.push(arrived - t);
        lastArrival = Math.max(lastArrival, arrived);
      });
    }
  }
  const missing = missingPerObserver.reduce((a, b) => a + b, 0);
  const digests = new Set(reports.map((r) => r.digest));
  const lengths = new Set(reports.map((r) => r.textLength));
  const convergenceMs = missing > 0 || keystrokes === 0 ? Number.NaN : lastArrival - (mode === 'burst' ? first : lastSend);
  const window = (lastArrival - first) / 1000;
  const delivered = keystrokes * recipients;
  return {
    keystrokes,
    propagationMs: summarise(latencies),
    convergenceMs,
    relayPerSec: window > 0 && missing === 0 ? delivered / window : Number.NaN,
    cpuUsPerDelivery: delivered > 0 ? cpuNs / 1000 / delivered : Number.NaN,
    missing,
    converged: missing === 0 && digests.size === 1 && lengths.size === 1,
    typistsReceived,
  };
}
