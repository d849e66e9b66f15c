// How the UI writes dates for people (dd.mm.yyyy everywhere) and reads what they type.
// Rust speaks ISO 8601; these functions convert at the edge and nowhere else.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const HUMAN = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/;

const pad = (n: number | string) => String(n).padStart(2, "0");

/** `2026-11-24` (or an RFC 3339 timestamp's date part) → `24.11.2026`. */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** Minsk wall time, day first, whatever the computer's own zone and language. */
const MINSK = new Intl.DateTimeFormat("ru-RU", { timeZone: "Europe/Minsk", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** An RFC 3339 timestamp → `dd.mm.yyyy hh:mm` in Minsk time (Intl, Europe/Minsk). */
export function formatDateTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const part = Object.fromEntries(MINSK.formatToParts(t).map((p) => [p.type, p.value]));
  return `${part.day}.${part.month}.${part.year} ${part.hour}:${part.minute}`;
}

/** A count for people: a space between thousands (Intl, as Belarus writes numbers). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat("ru-RU").format(n);
}

/** A rule's result: `2025-01-27` → `27.01.2025`, `2025-01-27T10:00` → `27.01.2025 10:00`, `2025-04` → `04.2025`. */
export function formatDue(due: string): string {
  const t = ISO_TIME.exec(due);
  if (t) return `${t[3]}.${t[2]}.${t[1]} ${t[4]}:${t[5]}`;
  const m = ISO_MONTH.exec(due);
  if (m) return `${m[2]}.${m[1]}`;
  return formatDate(due);
}

/**
 * What a person typed (`3.1.2025`, `03.01.2025 9:30`) → ISO (`2025-01-03`,
 * `2025-01-03T09:30`). Text that is not in that shape is returned trimmed but unchanged, so
 * the Rust side can say exactly what is wrong with it; an impossible date is Rust's to name too.
 */
export function toIso(typed: string): string {
  const m = HUMAN.exec(typed);
  if (!m) return typed.trim();
  const date = `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  return m[4] === undefined ? date : `${date}T${pad(m[4])}:${m[5]}`;
}

/** A typed date → ISO only if it is a real calendar date; otherwise `null`. */
export function parseDate(typed: string): string | null {
  const m = HUMAN.exec(typed);
  if (!m || m[4] !== undefined) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Codes of two digits after +375 (mobile operators and Minsk); the others have three. */
const TWO_DIGIT_CODES = new Set(["17", "25", "29", "33", "44"]);

/**
 * A stored phone (E.164, `+375291234567`) as people write it, kept on one line by no-break
 * spaces: `+375 29 123-45-67`, `+375 162 12-34-56`. Anything else is shown as it is. The
 * same layout as the printed documents (Rust's `phone_display`).
 */
export function formatPhone(stored: string): string {
  const m = /^\+375(\d{9})$/.exec(stored);
  if (!m) return stored;
  const rest = m[1];
  const codeLen = TWO_DIGIT_CODES.has(rest.slice(0, 2)) ? 2 : 3;
  const [code, n] = [rest.slice(0, codeLen), rest.slice(codeLen)];
  const nb = "\u00a0";
  return n.length === 7 ? `+375${nb}${code}${nb}${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}` : `+375${nb}${code}${nb}${n.slice(0, 2)}-${n.slice(2, 4)}-${n.slice(4)}`;
}
