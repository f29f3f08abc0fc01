// Display helpers shared by the member pages.

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** "€0.75" for a decimal string from the API; amounts are never recomputed here. */
export function formatFee(amount: string, currency = "EUR"): string {
  return new Intl.NumberFormat("pt-PT", { style: "currency", currency }).format(Number(amount));
}

/** Whole days from today to an ISO date; negative when the date has passed. */
export function daysUntil(isoDate: string, today: Date = new Date()): number {
  const target = new Date(isoDate + "T00:00:00");
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target.getTime() - start.getTime()) / MS_PER_DAY);
}

export function dueLabel(isoDate: string, today?: Date): string {
  const days = daysUntil(isoDate, today);
  if (days === 0) return "due today";
  if (days === 1) return "due tomorrow";
  if (days > 1) return `due in ${days} days`;
  return `${-days} day${days === -1 ? "" : "s"} overdue`;
}
