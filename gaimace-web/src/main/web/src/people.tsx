import type { Chat } from "./chat";
import { ago, colorOf, initials } from "./util";

/** A user's picture, or initials on a colour of their id when there is none. */
export function Avatar({ chat, user, size = 32 }: { chat: Chat; user: string; size?: number }) {
  const p = chat.profiles.get(user);
  const name = p?.name || user;
  const style = { width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size * 0.4)}px` };
  if (p?.avatar) {
    return <img class="avatar" src={p.avatar} alt="" style={style} referrerPolicy="no-referrer" />;
  }
  return (
    <span class="avatar" aria-hidden="true" style={{ ...style, background: colorOf(user) }}>
      {p?.kind === "agent" ? "🤖" : initials(name)}
    </span>
  );
}

/** A presence dot; `quiet` when the text beside it says the status already. */
export function PresenceDot({ chat, user, quiet = false }: { chat: Chat; user: string; quiet?: boolean }) {
  const status = chat.presence.get(user)?.status ?? "offline";
  return quiet ? (
    <span class={`presence ${status}`} data-presence={status} data-user={user} title={status} aria-hidden="true" />
  ) : (
    <span class={`presence ${status}`} data-presence={status} data-user={user} title={status} aria-label={status} role="img" />
  );
}

/** "online", "away", or "last seen 5 min ago". */
export function presenceText(chat: Chat, user: string): string {
  const p = chat.presence.get(user);
  if (!p || p.status === "offline") return p?.last_seen ? `last seen ${ago(p.last_seen)}` : "offline";
  return p.status;
}

export function AgentBadge({ chat, user }: { chat: Chat; user: string }) {
  return chat.profiles.get(user)?.kind === "agent" ? (
    <span class="agent" title="An AI agent">
      agent
    </span>
  ) : null;
}
