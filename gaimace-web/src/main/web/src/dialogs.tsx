import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Chat } from "./chat";
import { AgentBadge, Avatar, PresenceDot, presenceText } from "./people";
import type { ChatMessage, Member, Profile, RoomInfo, SearchResults } from "./protocol";
import type { Dialogue } from "./chat";
import { timeOf } from "./util";

/** A modal <dialog>: focus stays inside, Escape closes it, focus returns where it was. */
function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current!.showModal();
    return () => before?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      class="modal"
      aria-labelledby="modal-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => e.target === ref.current && onClose()}
      onKeyDown={(e) => {
        // Escape always closes, even from a search field (which would only clear itself).
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header>
        <h2 id="modal-title">{title}</h2>
        <button class="icon" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      {children}
    </dialog>
  );
}

export function Directory({ chat, onClose, onOpen }: { chat: Chat; onClose: () => void; onOpen: (u: string) => void }) {
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState("");
  const [users, setUsers] = useState<Profile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const t = setTimeout(() => {
      chat
        .directory(query)
        .then((u) => setUsers(u.filter((p) => !kind || p.kind === kind)))
        .catch((e) => setError(e.message));
    }, 150);
    return () => clearTimeout(t);
  }, [query, kind]);
  return (
    <Modal title="People" onClose={onClose}>
      <div class="filters">
        <label class="grow">
          <span class="sr-only">Search people</span>
          <input type="search" placeholder="Search by name or id" value={query} autoFocus onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          <span class="sr-only">Kind</span>
          <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            <option value="">Everyone</option>
            <option value="human">People</option>
            <option value="agent">Agents</option>
          </select>
        </label>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <ul class="people-list" aria-label="Directory" data-testid="directory">
        {users?.map((p) => (
          <li>
            <button class="person" disabled={p.user_id === chat.me} onClick={() => onOpen(p.user_id)} data-user={p.user_id}>
              <span class="with-dot">
                <Avatar chat={chat} user={p.user_id} size={36} />
                <PresenceDot chat={chat} user={p.user_id} quiet />
              </span>
              <span class="person-text">
                <span>
                  <strong>{p.name}</strong> <AgentBadge chat={chat} user={p.user_id} />
                </span>
                <span class="muted small">
                  @{p.user_id} · {p.user_id === chat.me ? "you" : presenceText(chat, p.user_id)}
                </span>
                {p.description && <span class="small desc">{p.description}</span>}
                {p.kind === "agent" && (p.capabilities?.length || p.model) && (
                  <span class="small muted">
                    {p.capabilities?.join(" · ")}
                    {p.model ? ` — ${p.model}` : ""}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
        {users?.length === 0 && <li class="muted">Nobody matches.</li>}
      </ul>
    </Modal>
  );
}

export function BrowseRooms({ chat, onClose, onOpen }: { chat: Chat; onClose: () => void; onOpen: (id: string) => void }) {
  const [rooms, setRooms] = useState<RoomInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    chat.listRooms().then(setRooms, (e) => setError(e.message));
  }, []);
  async function join(id: string) {
    setBusy(id);
    try {
      await chat.joinRoom(id);
      onOpen(id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Modal title="Rooms" onClose={onClose}>
      {error && <p class="error" role="alert">{error}</p>}
      <ul class="room-list" data-testid="room-list">
        {rooms?.map((r) => (
          <li>
            <span class="hash" aria-hidden="true">#</span>
            <span class="person-text">
              <strong>{r.name}</strong>
              <span class="muted small">
                {r.visibility} · {r.topic ?? `created by ${r.created_by}`}
              </span>
            </span>
            {r.role ? (
              <button class="secondary" onClick={() => onOpen(r.room_id)}>
                Open
              </button>
            ) : (
              <button class="primary" disabled={busy !== null} onClick={() => join(r.room_id)} aria-label={`Join ${r.name}`}>
                {busy === r.room_id ? "Joining…" : "Join"}
              </button>
            )}
          </li>
        ))}
        {rooms?.length === 0 && <li class="muted">No rooms yet.</li>}
      </ul>
    </Modal>
  );
}

export function CreateRoom({ chat, onClose, onCreated }: { chat: Chat; onClose: () => void; onCreated: (id: string) => void }) {
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [topic, setTopic] = useState("");
  const [visibility, setVisibility] = useState("public");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const room = await chat.createRoom({
        room_id: id.trim(),
        name: name.trim() || undefined,
        topic: topic.trim() || undefined,
        visibility,
      });
      onCreated(room.room_id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal title="Create a room" onClose={onClose}>
      <form class="stack" onSubmit={submit}>
        <label for="room-id">Room id</label>
        <input
          id="room-id"
          required
          autoFocus
          pattern="[a-z0-9][a-z0-9_\-]{0,63}"
          title="lower-case letters, digits, - and _"
          value={id}
          onInput={(e) => setId(value(e).toLowerCase())}
        />
        <label for="room-name">Name</label>
        <input id="room-name" maxLength={100} value={name} onInput={(e) => setName(value(e))} />
        <label for="room-topic">Topic</label>
        <input id="room-topic" maxLength={500} value={topic} onInput={(e) => setTopic(value(e))} />
        <fieldset>
          <legend>Who can join</legend>
          <label class="check">
            <input type="radio" name="vis" value="public" checked={visibility === "public"} onChange={() => setVisibility("public")} />
            Anyone (public)
          </label>
          <label class="check">
            <input type="radio" name="vis" value="private" checked={visibility === "private"} onChange={() => setVisibility("private")} />
            Invited people only (private)
          </label>
        </fieldset>
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create room"}
        </button>
      </form>
    </Modal>
  );
}

export function Search({ chat, onClose, onOpen }: { chat: Chat; onClose: () => void; onOpen: (id: string) => void }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    if (!query.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResults(await chat.search(query.trim()));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  function where(id: string) {
    return id.includes("+") ? chat.name(id.split("+").find((u) => u !== chat.me)!) : `#${chat.dialogues.get(id)?.name ?? id}`;
  }
  return (
    <Modal title="Search messages" onClose={onClose}>
      <form class="filters" onSubmit={submit} role="search">
        <label class="grow">
          <span class="sr-only">Words to find</span>
          <input type="search" placeholder="Find messages containing…" value={query} autoFocus maxLength={200} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        </label>
        <button class="primary" type="submit" disabled={busy}>
          Search
        </button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      <ul class="results" aria-live="polite" data-testid="search-results">
        {results?.messages.map((m) => (
          <li>
            <button class="result" onClick={() => onOpen(m.dialogue_id)}>
              <span class="muted small">
                {where(m.dialogue_id)} · {chat.name(m.sender)} · {new Date(m.timestamp).toLocaleString()}
              </span>
              <span class="snippet">{highlight(m.content, results.query)}</span>
            </button>
          </li>
        ))}
        {results && results.messages.length === 0 && <li class="muted">No messages match.</li>}
      </ul>
      {results?.truncated && <p class="muted small">Only recent messages were searched.</p>}
    </Modal>
  );
}

function highlight(text: string, query: string) {
  const at = text.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  );
}

export function Members({ chat, room, onClose, onOpenDirect }: { chat: Chat; room: RoomInfo; onClose: () => void; onOpenDirect: (u: string) => void }) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [invitee, setInvitee] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const load = () => chat.members(room.room_id).then(setMembers, (e) => setError(e.message));
  useEffect(() => void load(), []);
  const myRole = members?.find((m) => m.user_id === chat.me)?.role ?? room.role;
  const canModerate = chat.admin || myRole === "owner" || myRole === "moderator";

  async function act(op: string, user: string, what: string) {
    setError(null);
    try {
      await chat.api(op, { room_id: room.room_id, user_id: user });
      setNote(`${what} ${chat.name(user)}.`);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  async function invite(e: Event) {
    e.preventDefault();
    const user = invitee.trim().replace(/^@/, "");
    if (user) await act("room.invite", user, "Invited");
    setInvitee("");
  }
  return (
    <Modal title={`Members of ${room.name}`} onClose={onClose}>
      <form class="filters" onSubmit={invite}>
        <label class="grow">
          <span class="sr-only">User id to invite</span>
          <input placeholder="Invite by user id" list="invite-people" value={invitee} onInput={(e) => setInvitee((e.target as HTMLInputElement).value)} />
        </label>
        <datalist id="invite-people">
          {[...chat.profiles.values()].map((p) => (
            <option value={p.user_id}>{p.name}</option>
          ))}
        </datalist>
        <button class="secondary" type="submit">
          Invite
        </button>
      </form>
      {note && <p class="muted small" role="status">{note}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      <ul class="people-list" data-testid="members">
        {members?.map((m) => (
          <li class="member">
            <button class="person" disabled={m.user_id === chat.me} onClick={() => onOpenDirect(m.user_id)} data-user={m.user_id}>
              <span class="with-dot">
                <Avatar chat={chat} user={m.user_id} size={32} />
                <PresenceDot chat={chat} user={m.user_id} quiet />
              </span>
              <span class="person-text">
                <span>
                  <strong>{chat.name(m.user_id)}</strong> <AgentBadge chat={chat} user={m.user_id} />{" "}
                  {m.role !== "member" && <span class="role">{m.role}</span>} {m.muted && <span class="role muted-role">muted</span>}
                </span>
                <span class="muted small">
                  @{m.user_id} · {m.user_id === chat.me ? "you" : presenceText(chat, m.user_id)}
                </span>
              </span>
            </button>
            {canModerate && m.user_id !== chat.me && m.role !== "owner" && (
              <span class="actions">
                <button class="link small" onClick={() => act(m.muted ? "room.unmute" : "room.mute", m.user_id, m.muted ? "Unmuted" : "Muted")}>
                  {m.muted ? "Unmute" : "Mute"}
                </button>
                <button class="link small" onClick={() => act("room.remove", m.user_id, "Removed")}>
                  Remove
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </Modal>
  );
}

export function EditProfile({ chat, onClose }: { chat: Chat; onClose: () => void }) {
  const p = chat.profiles.get(chat.me);
  const [name, setName] = useState(p?.name ?? chat.me);
  const [avatar, setAvatar] = useState(p?.avatar ?? "");
  const [description, setDescription] = useState(p?.description ?? "");
  const [error, setError] = useState<string | null>(null);
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      await chat.setProfile({ name: name.trim(), avatar: avatar.trim(), description: description.trim() });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <Modal title="Your profile" onClose={onClose}>
      <form class="stack" onSubmit={submit}>
        <label for="profile-name">Name</label>
        <input id="profile-name" required maxLength={100} value={name} onInput={(e) => setName(value(e))} />
        <label for="profile-avatar">Picture (an https address, or empty)</label>
        <input id="profile-avatar" type="url" maxLength={2000} value={avatar} onInput={(e) => setAvatar(value(e))} />
        <label for="profile-description">About you</label>
        <textarea id="profile-description" maxLength={2000} rows={3} value={description} onInput={(e) => setDescription(value(e))} />
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" type="submit">
          Save
        </button>
      </form>
    </Modal>
  );
}

/** A thread: its first message and replies, with a box to answer at its end. */
export function ThreadView({ chat, d, start, onClose }: { chat: Chat; d: Dialogue; start: ChatMessage; onClose: () => void }) {
  const [messages, setMessages] = useState<ChatMessage[] | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const root = start.thread_id ?? start.id!;
  // Reloaded whenever the dialogue moves on (a reply, an edit, a reaction).
  useEffect(() => {
    chat.thread(d, root).then(setMessages, (e) => setError(e.message));
  }, [root, d.last]);
  function send(e: Event) {
    e.preventDefault();
    const content = text.trim();
    if (!content || !messages?.length) return;
    setText("");
    void chat.send(d.id, content, { replyTo: messages[messages.length - 1].id });
  }
  return (
    <Modal title="Thread" onClose={onClose}>
      {error && <p class="error" role="alert">{error}</p>}
      <ol class="thread" data-testid="thread">
        {messages?.map((m) => (
          <li>
            <strong>{chat.name(m.sender)}</strong> <span class="muted small">{timeOf(m.timestamp)}</span>
            <p class="text">{m.deleted ? "This message was deleted." : m.content}</p>
          </li>
        ))}
      </ol>
      <form class="filters" onSubmit={send}>
        <label class="grow">
          <span class="sr-only">Reply in the thread</span>
          <input placeholder="Reply in the thread" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        </label>
        <button class="primary" type="submit" disabled={!text.trim()}>
          Reply
        </button>
      </form>
    </Modal>
  );
}
