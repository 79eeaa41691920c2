import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Chat } from "./chat";
import { AgentBadge, Avatar, PresenceDot, presenceText } from "./people";
import type { Profile, RoomInfo } from "./protocol";

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
                <PresenceDot chat={chat} user={p.user_id} />
              </span>
              <span class="person-text">
                <span>
                  <strong>{p.name}</strong> <AgentBadge chat={chat} user={p.user_id} />
                </span>
                <span class="muted small">
                  @{p.user_id} · {p.user_id === chat.me ? "you" : presenceText(chat, p.user_id)}
                </span>
                {p.description && <span class="small desc">{p.description}</span>}
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
