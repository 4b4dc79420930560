/**
 * Throughput of one setting against another in the same run: each `send` is made `requests`
 * times by `concurrency` workers; a warm-up round for each, then `rounds` rounds alternating
 * which goes first, so warm-up and machine noise fall on both alike. Medians in requests/s.
 */
export async function compareThroughput(options: {
  requests: number;
  concurrency: number;
  rounds: number;
  send: Record<'on' | 'off', (i: number) => Promise<void>>;
}): Promise<{ on: number; off: number; rounds: Record<'on' | 'off', number[]> }> {
  const run = async (send: (i: number) => Promise<void>): Promise<number> => {
    let next = 0;
    const began = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.requests) await send(next++);
      }),
    );
    return options.requests / (Number(process.hrtime.bigint() - began) / 1e9);
  };
  const rounds: Record<'on' | 'off', number[]> = { on: [], off: [] };
  await run(options.send.on);
  await run(options.send.off);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const mode of round % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) rounds[mode].push(await run(options.send[mode]));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { on: median(rounds.on), off: median(rounds.off), rounds };
}

/** One line per setting and the difference, as the benchmarks print them. */
export function formatComparison(label: string, result: Awaited<ReturnType<typeof compareThroughput>>): string {
  const line = (mode: 'on' | 'off') =>
    `${label} ${mode}:${mode === 'on' ? ' ' : ''} ${result[mode].toFixed(0)} req/s (median; rounds ${result.rounds[mode].map((x) => x.toFixed(0)).join(', ')})\n`;
  return `${line('off')}${line('on')}difference: ${(((result.on - result.off) / result.off) * 100).toFixed(1)} %\n`;
}
