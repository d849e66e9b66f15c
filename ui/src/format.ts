// How the UI writes dates for people: dd.mm.yyyy everywhere, from ISO strings sent by Rust.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** `2026-11-24` (or an RFC 3339 timestamp's date part) → `24.11.2026`. */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** An RFC 3339 timestamp → local `dd.mm.yyyy hh:mm`. */
export function formatDateTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(t.getDate())}.${pad(t.getMonth() + 1)}.${t.getFullYear()} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}
