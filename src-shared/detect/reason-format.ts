const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const tenths = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "6,210": a count or distance for a reason (by hand: Intl formatting is slow on a hot path). */
export function formatWhole(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  const digits = String(Math.abs(Math.round(value)));
  let grouped = digits.length > 3 ? '' : digits;
  if (digits.length > 3) {
    const head = digits.length % 3 || 3;
    grouped = digits.slice(0, head);
    for (let at = head; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  }
  return Math.round(value) < 0 ? `-${grouped}` : grouped;
}

/** "0.8": hours and rates for a reason. */
export function formatTenths(value: number): string {
  return Number.isFinite(value) ? tenths.format(value) : '∞';
}

/** "12%", or "1.2%" below 10%: a share for a reason. */
export function formatPercent(share: number): string {
  return `${(share < 0.1 ? tenths : whole).format(share * 100)}%`;
}

/** "1 failure" / "23 failures". */
export function plural(count: number, noun: string): string {
  return `${formatWhole(count)} ${noun}${Math.round(count) === 1 ? '' : 's'}`;
}
