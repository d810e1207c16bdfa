/**
 * Preloaded (`--import`) into every server the bench measures, ours and the baselines
 * alike. It adds no behaviour to the server: it only answers the bench's memory
 * question over the IPC channel, after a full GC so the heap figure is live data only.
 */
export {};
const collect = (globalThis as { gc?: () => void }).gc;

if (process.send) {
  process.on('message', (m: unknown) => {
    const msg = m as { type?: string; id?: number };
    if (msg?.type !== 'bench:mem') return;
    collect?.();
    const mem = process.memoryUsage();
    process.send?.({ type: 'bench:mem', id: msg.id, heapUsed: mem.heapUsed, external: mem.external });
  });
  // The channel must never be what keeps a server alive.
  (process.channel as { unref?: () => void } | undefined)?.unref?.();
}
