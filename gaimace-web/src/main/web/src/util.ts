// Small display helpers: avatars, times, day separators.

const PALETTE = ["#4f46e5", "#0891b2", "#059669", "#ca8a04", "#dc2626", "#db2777", "#7c3aed", "#2563eb"];

export function colorOf(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.codePointAt(0)!) >>> 0;
  return PALETTE[h % PALETTE.length];
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[1][0] : (parts[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}

export function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

export function dayKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

export function dayLabel(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const start = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const days = Math.round((start(now) - start(d)) / 86_400_000);
  if (days === 0) return "Today";
  if (days === 1) return "Yesterday";
  return d.toLocaleDateString(undefined, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: d.getFullYear() === now.getFullYear() ? undefined : "numeric",
  });
}

export function ago(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

/** Splits text into plain parts, links and @mentions for rendering (never as HTML). */
export function tokens(text: string): { kind: "text" | "link" | "mention"; value: string }[] {
  const out: { kind: "text" | "link" | "mention"; value: string }[] = [];
  const re = /(https?:\/\/[^\s<>"']+)|(@[a-z0-9][a-z0-9_-]{0,63})/g;
  let at = 0;
  for (let m; (m = re.exec(text)); ) {
    if (m.index > at) out.push({ kind: "text", value: text.slice(at, m.index) });
    out.push({ kind: m[1] ? "link" : "mention", value: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ kind: "text", value: text.slice(at) });
  return out;
}

export const EMOJI = [
  "😀", "😂", "🙂", "😉", "😍", "🤔", "😅", "😎", "😢", "😮", "😡", "🥳",
  "👍", "👎", "👏", "🙌", "🙏", "💪", "👋", "🤝", "👀", "✅", "❌", "⚠️",
  "❤️", "🔥", "⭐", "🎉", "💡", "📌", "📎", "🚀", "☕", "🍕", "🌱", "🤖",
];
