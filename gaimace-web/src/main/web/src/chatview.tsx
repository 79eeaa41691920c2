import { useEffect, useReducer, useState } from "preact/hooks";
import type { Chat, Dialogue } from "./chat";
import { Conversation } from "./conversation";
import { BrowseRooms, CreateRoom, Directory, EditProfile, Search } from "./dialogs";
import { Avatar, PresenceDot } from "./people";
import type { Status } from "./protocol";

/** Re-renders the calling component whenever the chat's state changes. */
export function useChat(chat: Chat) {
  const [, bump] = useReducer((n: number, _: unknown) => n + 1, 0);
  useEffect(() => chat.onChange(() => bump(undefined)), [chat]);
}

const STATE_TEXT = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Connection lost — reconnecting…",
  closed: "Disconnected (the token may have been revoked).",
};

type Panel = "none" | "directory" | "rooms" | "create" | "search" | "profile";

export function ChatView({ chat, onLogout }: { chat: Chat; onLogout: () => void }) {
  useChat(chat);
  const [active, setActive] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>("none");
  const me = chat.profiles.get(chat.me);
  const dialogues = [...chat.dialogues.values()];
  const rooms = dialogues.filter((d) => d.kind === "room").sort((a, b) => a.name.localeCompare(b.name));
  const directs = dialogues
    .filter((d) => d.kind === "direct")
    .sort((a, b) => chat.name(a.peer!).localeCompare(chat.name(b.peer!)));
  const current = active ? chat.dialogues.get(active) : undefined;

  useEffect(() => {
    if (!active && rooms.length > 0 && window.matchMedia("(min-width: 701px)").matches) setActive(rooms[0].id);
  }, [rooms.length]);
  useEffect(() => {
    document.title = `${totalUnread(dialogues) ? `(${totalUnread(dialogues)}) ` : ""}Gaimace`;
  });

  function openDirect(user: string) {
    setActive(chat.directWith(user).id);
    setPanel("none");
  }

  return (
    <div class={`shell ${current ? "has-active" : ""}`} data-connection={chat.state}>
      <aside class="sidebar" aria-label="Conversations">
        <header class="me">
          <button class="avatar-button" aria-label="Edit your profile" title="Edit your profile" onClick={() => setPanel("profile")}>
            <Avatar chat={chat} user={chat.me} size={36} />
          </button>
          <div class="me-text">
            <strong>{me?.name ?? chat.me}</strong>
            <select
              aria-label="Your status"
              value={chat.presence.get(chat.me)?.status === "away" ? "away" : "online"}
              onChange={(e) => chat.setStatus((e.target as HTMLSelectElement).value as Status)}
            >
              <option value="online">Online</option>
              <option value="away">Away</option>
            </select>
          </div>
          <button class="icon" title="Sign out" aria-label="Sign out" onClick={onLogout}>
            ⎋
          </button>
        </header>
        <p class={`connection ${chat.state}`} role="status" data-testid="connection">
          <span class="dot" aria-hidden="true" /> {STATE_TEXT[chat.state]}
          {chat.state === "closed" && (
            <button class="link small" onClick={onLogout}>
              Sign in again
            </button>
          )}
        </p>
        <button class="search-open" onClick={() => setPanel("search")}>
          <span aria-hidden="true">⌕</span> Search messages
        </button>
        <nav aria-label="Rooms and direct messages">
          <div class="section-head">
            <h2 id="rooms-head">Rooms</h2>
            <button class="icon" aria-label="Browse and join rooms" title="Browse rooms" onClick={() => setPanel("rooms")}>
              ☰
            </button>
            <button class="icon plus" aria-label="Create a room" title="Create a room" onClick={() => setPanel("create")}>
              +
            </button>
          </div>
          <ul aria-labelledby="rooms-head">
            {rooms.map((d) => (
              <DialogueItem chat={chat} d={d} active={d.id === active} onOpen={() => setActive(d.id)} />
            ))}
            {rooms.length === 0 && <li class="muted empty">No rooms yet: browse or create one.</li>}
          </ul>
          <div class="section-head">
            <h2 id="dms-head">Direct messages</h2>
            <button class="icon plus" aria-label="Find people" title="Find people" onClick={() => setPanel("directory")}>
              +
            </button>
          </div>
          <ul aria-labelledby="dms-head">
            {directs.map((d) => (
              <DialogueItem chat={chat} d={d} active={d.id === active} onOpen={() => setActive(d.id)} />
            ))}
            {directs.length === 0 && <li class="muted empty">Find people to write to.</li>}
          </ul>
          <button class="link people" onClick={() => setPanel("directory")}>
            People directory
          </button>
        </nav>
      </aside>
      <main class="main" aria-label="Conversation">
        {current ? (
          <Conversation
            key={current.id}
            chat={chat}
            d={current}
            onBack={() => setActive(null)}
            onLeft={() => setActive(null)}
            onOpenDirect={openDirect}
          />
        ) : (
          <div class="placeholder">
            <p>Pick a room or a person to start chatting.</p>
          </div>
        )}
      </main>
      {panel === "directory" && <Directory chat={chat} onClose={() => setPanel("none")} onOpen={openDirect} />}
      {panel === "rooms" && (
        <BrowseRooms
          chat={chat}
          onClose={() => setPanel("none")}
          onOpen={(id) => {
            setActive(id);
            setPanel("none");
          }}
        />
      )}
      {panel === "profile" && <EditProfile chat={chat} onClose={() => setPanel("none")} />}
      {panel === "search" && (
        <Search
          chat={chat}
          onClose={() => setPanel("none")}
          onOpen={(id) => {
            if (!chat.dialogues.has(id) && id.includes("+")) chat.directWith(id.split("+").find((u) => u !== chat.me)!);
            setActive(id);
            setPanel("none");
          }}
        />
      )}
      {panel === "create" && (
        <CreateRoom
          chat={chat}
          onClose={() => setPanel("none")}
          onCreated={(id) => {
            setActive(id);
            setPanel("none");
          }}
        />
      )}
    </div>
  );
}

function totalUnread(ds: Dialogue[]) {
  return ds.reduce((n, d) => n + d.unread, 0);
}

function DialogueItem({ chat, d, active, onOpen }: { chat: Chat; d: Dialogue; active: boolean; onOpen: () => void }) {
  const label = d.kind === "direct" ? chat.name(d.peer!) : d.name;
  const typing = d.typing.size > 0;
  return (
    <li>
      <button
        class={`dialogue ${active ? "active" : ""} ${d.unread ? "unread" : ""}`}
        aria-current={active ? "page" : undefined}
        data-dialogue={d.id}
        onClick={onOpen}
      >
        {d.kind === "direct" ? (
          <span class="with-dot">
            <Avatar chat={chat} user={d.peer!} size={24} />
            <PresenceDot chat={chat} user={d.peer!} />
          </span>
        ) : (
          <span class="hash" aria-hidden="true">
            #
          </span>
        )}
        <span class="label">{label}</span>
        {typing && <span class="typing-mini" aria-hidden="true">…</span>}
        {d.mentions > 0 && (
          <span class="badge mention-badge" data-testid="mentions" aria-label={`${d.mentions} mentions of you`}>
            @
          </span>
        )}
        {d.unread > 0 && (
          <span class="badge" data-testid="unread" aria-label={`${d.unread} unread`}>
            {d.unread > 99 ? "99+" : d.unread}
          </span>
        )}
      </button>
    </li>
  );
}
