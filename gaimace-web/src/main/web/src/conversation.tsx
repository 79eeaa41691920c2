import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Chat, Dialogue } from "./chat";
import { Members, ThreadView } from "./dialogs";
import { AgentBadge, Avatar, PresenceDot, presenceText } from "./people";
import { EmojiPicker } from "./emoji";
import { Message } from "./message";
import type { ChatMessage } from "./protocol";
import { sizeText } from "./files";
import { dayKey, dayLabel } from "./util";

interface Props {
  chat: Chat;
  d: Dialogue;
  onBack: () => void;
  onLeft: () => void;
  onOpenDirect: (user: string) => void;
}

export function Conversation({ chat, d, onBack, onLeft, onOpenDirect }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [members, setMembers] = useState(false);
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [thread, setThread] = useState<ChatMessage | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    chat.open(d.id).catch((e) => setError(String(e.message ?? e)));
  }, [d.id]);
  const room = d.kind === "room" ? chat.rooms.get(d.id) : undefined;
  const title = d.kind === "direct" ? chat.name(d.peer!) : d.name;

  async function leave() {
    if (!confirm(`Leave ${d.name}?`)) return;
    try {
      await chat.leaveRoom(d.id);
      onLeft();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section
      class={`conversation ${dragging ? "dragging" : ""}`}
      aria-labelledby="conv-title"
      data-dialogue={d.id}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes("Files")) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => e.target === e.currentTarget && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const dropped = [...(e.dataTransfer?.files ?? [])];
        if (dropped.length) setFiles([...files, ...dropped]);
      }}
    >
      {dragging && (
        <div class="drop-hint" aria-hidden="true">
          Drop files to share them in {title}
        </div>
      )}
      <header class="conv-head">
        <button class="icon back" aria-label="Back to conversations" onClick={onBack}>
          ←
        </button>
        {d.kind === "direct" ? (
          <span class="with-dot">
            <Avatar chat={chat} user={d.peer!} size={32} />
            <PresenceDot chat={chat} user={d.peer!} />
          </span>
        ) : (
          <span class="hash big" aria-hidden="true">
            #
          </span>
        )}
        <div class="conv-title">
          <h2 id="conv-title">
            {title} {d.kind === "direct" && <AgentBadge chat={chat} user={d.peer!} />}
          </h2>
          <p class="muted small" data-testid="subtitle">
            {d.kind === "direct" ? presenceText(chat, d.peer!) : room?.topic || (room?.visibility === "public" ? "Public room" : "Private room")}
          </p>
        </div>
        {d.kind === "room" && (
          <>
            <button class="secondary" onClick={() => setMembers(true)}>
              Members
            </button>
            <button class="secondary" onClick={leave}>
              Leave
            </button>
          </>
        )}
      </header>
      {error && (
        <p class="error banner" role="alert">
          {error}
        </p>
      )}
      <MessageList chat={chat} d={d} onOpenDirect={onOpenDirect} onReply={setReplyTo} onThread={setThread} onError={setError} />
      <TypingLine chat={chat} d={d} />
      <Composer chat={chat} d={d} title={title} replyTo={replyTo} setReplyTo={setReplyTo} files={files} setFiles={setFiles} />
      {thread && <ThreadView chat={chat} d={d} start={thread} onClose={() => setThread(null)} />}
      {members && room && <Members chat={chat} room={room} onClose={() => setMembers(false)} onOpenDirect={onOpenDirect} />}
    </section>
  );
}

interface ListProps {
  chat: Chat;
  d: Dialogue;
  onOpenDirect: (u: string) => void;
  onReply: (m: ChatMessage) => void;
  onThread: (m: ChatMessage) => void;
  onError: (text: string) => void;
}

function MessageList({ chat, d, onOpenDirect, onReply, onThread, onError }: ListProps) {
  const [activeSeq, setActiveSeq] = useState<number | null>(null);
  // What was read when the dialogue was opened: a "New messages" line goes above the rest.
  const [readAtOpen] = useState(d.readSeq);
  const list = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const [newBelow, setNewBelow] = useState(false);
  const messages = chat.sorted(d);
  const newest = messages.at(-1)?.seq ?? 0;
  const oldest = messages[0]?.seq ?? 0;
  const pending = chat.pending.filter((p) => p.dialogue_id === d.id);
  // Agents' replies growing at the bottom are followed like new messages.
  const streamed = [...d.streams.values()].reduce((n, st) => n + 1 + (st.text?.length ?? 0), 0);

  // Older page loaded: keep what the reader looked at in place.
  useLayoutEffect(() => {
    const el = list.current!;
    if (anchor.current) {
      el.scrollTop = el.scrollHeight - anchor.current.height + anchor.current.top;
      anchor.current = null;
    }
  }, [oldest]);

  // Newer messages: follow them when the reader is at the bottom.
  useLayoutEffect(() => {
    const el = list.current!;
    if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
      setNewBelow(false);
    } else if (newest) {
      setNewBelow(true);
    }
  }, [newest, pending.length, d.loaded, streamed]);

  // Infinite scroll: the top sentinel in view loads the previous page.
  useEffect(() => {
    const ready = d.loaded && d.more && !d.loadingOlder; // as rendered, not as changed since
    const io = new IntersectionObserver((entries) => {
      const el = list.current!;
      // Measured again now: the notice may describe the list before it was scrolled to the bottom.
      const inView = top.current!.getBoundingClientRect().bottom >= el.getBoundingClientRect().top;
      if (ready && inView && entries.some((e) => e.isIntersecting)) {
        anchor.current = { height: el.scrollHeight, top: el.scrollTop };
        void chat.older(d.id);
      }
    });
    io.observe(top.current!);
    return () => io.disconnect();
  }, [d.id, d.loaded, d.more, d.loadingOlder]);

  // Read: when the newest message is on screen and the page is visible.
  useEffect(() => {
    const mark = () => {
      if (document.visibilityState === "visible" && atBottom.current) void chat.markRead(d.id);
    };
    mark();
    document.addEventListener("visibilitychange", mark);
    window.addEventListener("focus", mark);
    return () => {
      document.removeEventListener("visibilitychange", mark);
      window.removeEventListener("focus", mark);
    };
  }, [d.id, newest, d.last]);

  // Arrow keys move through messages; the one reached (and its tools) joins the tab order.
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown" && e.key !== "Home" && e.key !== "End") return;
    if ((e.target as HTMLElement).closest("textarea, input")) return;
    e.preventDefault();
    const seqs = messages.map((m) => m.seq!);
    if (seqs.length === 0) return;
    const at = activeSeq === null ? seqs.length : seqs.indexOf(activeSeq);
    const next =
      e.key === "Home" ? 0 : e.key === "End" ? seqs.length - 1 : Math.max(0, Math.min(seqs.length - 1, at + (e.key === "ArrowUp" ? -1 : 1)));
    setActiveSeq(seqs[next]);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`article[data-seq="${seqs[next]}"]`)?.focus());
  }

  function onScroll() {
    const el = list.current!;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (atBottom.current) {
      setNewBelow(false);
      void chat.markRead(d.id);
    }
  }

  const latestMine = [...messages].reverse().find((m) => m.sender === chat.me);
  const seenBy = latestMine
    ? [...d.receipts].filter(([u, seq]) => u !== chat.me && seq >= latestMine.seq!).map(([u]) => chat.name(u))
    : [];
  const lastIncoming = [...messages].reverse().find((m) => m.sender !== chat.me);

  let day = "";
  let prev: ChatMessage | undefined;
  const firstNew = messages.find((m) => m.seq! > readAtOpen && m.sender !== chat.me)?.seq;
  return (
    <div class="messages-wrap">
      <div class="messages" ref={list} onScroll={onScroll} onKeyDown={onKeyDown} role="log" aria-label="Messages (arrow keys move between them)" tabIndex={0} data-testid="messages">
        <div ref={top} class="history-top">
          {!d.loaded
            ? "Loading messages…"
            : d.loadingOlder
              ? "Loading older messages…"
              : !d.more
                ? "This is the beginning of the conversation."
                : ""}
        </div>
        {messages.map((m) => {
          const k = dayKey(m.timestamp);
          const separator = k !== day;
          day = k;
          const compact =
            !separator && prev?.sender === m.sender && Date.parse(m.timestamp) - Date.parse(prev.timestamp) < 5 * 60_000;
          prev = m;
          return (
            <>
              {separator && (
                <div class="day" role="separator" data-testid="day">
                  <span>{dayLabel(m.timestamp)}</span>
                </div>
              )}
              {m.seq === firstNew && readAtOpen > 0 && (
                <div class="day new-line" role="separator" data-testid="new-messages">
                  <span>New messages</span>
                </div>
              )}
              <Message
                chat={chat}
                d={d}
                m={m}
                compact={compact}
                active={m.seq === activeSeq}
                onOpenDirect={onOpenDirect}
                onReply={onReply}
                onThread={onThread}
                onError={onError}
              />
              {m === latestMine && seenBy.length > 0 && (
                <p class="seen" data-testid="seen-by">
                  Seen by {seenBy.join(", ")}
                </p>
              )}
            </>
          );
        })}
        {[...d.streams.values()].map((st) => (
          <article class="msg streaming" data-testid="streaming" data-sender={st.sender} aria-busy="true">
            <Avatar chat={chat} user={st.sender} size={36} />
            <div class="body">
              <p class="who">
                <strong>{chat.name(st.sender)}</strong> <AgentBadge chat={chat} user={st.sender} />{" "}
                <span class="muted small">is answering…</span>
              </p>
              <p class="text">
                {st.text}
                <span class="cursor" aria-hidden="true" />
              </p>
              {chat.profiles.get(chat.me)?.kind !== "agent" && (
                <button class="link small" onClick={() => chat.cancelStream(d, st.stream_id).catch((e) => onError(e.message))}>
                  Stop
                </button>
              )}
            </div>
          </article>
        ))}
        {pending.map((p) => (
          <article class="msg mine pending" data-testid="pending">
            <div class="body">
              <p class="text">{p.content}</p>
              <p class="meta">
                {p.failed ? (
                  <>
                    <span class="error">Not sent: {p.failed}</span>{" "}
                    <button class="link" onClick={() => chat.retry(p)}>
                      Retry
                    </button>{" "}
                    <button class="link" onClick={() => chat.discard(p)}>
                      Discard
                    </button>
                  </>
                ) : (
                  p.progress ?? (p.files?.length || p.attachments?.length ? `Sending with ${(p.files?.length ?? 0) + (p.attachments?.length ?? 0)} file(s)…` : "Sending…")
                )}
              </p>
            </div>
          </article>
        ))}
      </div>
      {newBelow && (
        <button
          class="new-below"
          onClick={() => {
            const el = list.current!;
            el.scrollTop = el.scrollHeight;
          }}
        >
          New messages ↓
        </button>
      )}
      <p class="sr-only" aria-live="polite">
        {lastIncoming ? `${chat.name(lastIncoming.sender)}: ${lastIncoming.content}` : ""}
      </p>
    </div>
  );
}

function TypingLine({ chat, d }: { chat: Chat; d: Dialogue }) {
  const names = [...d.typing.keys()].map((u) => chat.name(u));
  const text =
    names.length === 0
      ? ""
      : names.length === 1
        ? `${names[0]} is typing…`
        : names.length === 2
          ? `${names[0]} and ${names[1]} are typing…`
          : "Several people are typing…";
  return (
    <p class="typing" data-testid="typing" aria-live="polite">
      {text}
    </p>
  );
}

const MENTION_AT_CARET = /(^|[\s([{<"'`*~,;:!?])@([a-z0-9_-]{0,64})$/;

interface ComposerProps {
  chat: Chat;
  d: Dialogue;
  title: string;
  replyTo: ChatMessage | null;
  setReplyTo: (m: ChatMessage | null) => void;
  files: File[];
  setFiles: (f: File[]) => void;
}

function Composer({ chat, d, title, replyTo, setReplyTo, files, setFiles }: ComposerProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [picker, setPicker] = useState(false);
  const [people, setPeople] = useState<string[] | null>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [sel, setSel] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const emojiButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (window.matchMedia("(min-width: 701px)").matches) area.current?.focus();
  }, [d.id]);
  // Where the caret goes after a mention or emoji is put in: set in the same render, before any
  // further key is handled.
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = area.current!;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 160)}px`;
    if (caret.current !== null) {
      el.focus();
      el.selectionStart = el.selectionEnd = caret.current;
      caret.current = null;
    }
  }, [text]);

  const suggestions =
    query === null || !people
      ? []
      : people
          .filter((u) => u.startsWith(query) || chat.name(u).toLowerCase().includes(query))
          .slice(0, 6);

  useEffect(() => {
    if (replyTo) area.current?.focus();
  }, [replyTo]);

  function send() {
    const content = text.trim() || files.map((f) => f.name).join(", ");
    if (!content) return;
    setText("");
    setQuery(null);
    void chat.send(d.id, content, { replyTo: replyTo?.id, files });
    setReplyTo(null);
    setFiles([]);
  }

  function onInput(v: string) {
    setText(v);
    if (v.trim()) chat.typing(d.id);
    else chat.stopTyping(d.id);
    const at = area.current?.selectionStart ?? v.length;
    const m = MENTION_AT_CARET.exec(v.slice(0, at));
    setQuery(m ? m[2] : null);
    setSel(0);
    if (m && people === null) {
      setPeople([]);
      chat.mentionable(d).then(setPeople, () => setPeople([]));
    }
  }

  function pick(user: string) {
    const el = area.current!;
    const at = el.selectionStart ?? text.length;
    const before = text.slice(0, at).replace(/@[a-z0-9_-]*$/, `@${user} `);
    caret.current = before.length;
    setText(before + text.slice(at));
    setQuery(null);
  }

  function insert(emoji: string) {
    const el = area.current!;
    const start = el.selectionStart ?? text.length;
    const end = el.selectionEnd ?? text.length;
    caret.current = start + emoji.length;
    setText(text.slice(0, start) + emoji + text.slice(end));
    setPicker(false);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (suggestions.length > 0) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const step = e.key === "ArrowDown" ? 1 : -1;
        setSel((sel + step + suggestions.length) % suggestions.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pick(suggestions[sel]);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (e.key === "Escape" && replyTo) {
      e.preventDefault();
      setReplyTo(null);
      return;
    }
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  }

  const open = suggestions.length > 0;
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label for="composer-text" class="sr-only">
        Message {title}
      </label>
      {(replyTo || files.length > 0) && (
        <div class="staged">
          {replyTo && (
            <p class="replying" data-testid="replying">
              Replying to <strong>{chat.name(replyTo.sender)}</strong>: {replyTo.content.slice(0, 80)}{" "}
              <button type="button" class="link small" onClick={() => setReplyTo(null)}>
                Cancel
              </button>
            </p>
          )}
          {files.map((f, i) => (
            <span class="chip" data-testid="staged-file">
              📎 {f.name} <span class="muted small">{sizeText(f.size)}</span>
              <button type="button" class="icon small" aria-label={`Remove ${f.name}`} onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                ✕
              </button>
            </span>
          ))}
        </div>
      )}
      {open && (
        <ul class="mentions-list" id="mention-list" role="listbox" aria-label="People to mention">
          {suggestions.map((u, i) => (
            <li
              id={`mention-${u}`}
              role="option"
              aria-selected={i === sel}
              class={i === sel ? "selected" : ""}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(u);
              }}
            >
              <Avatar chat={chat} user={u} size={22} /> <strong>{chat.name(u)}</strong> <span class="muted">@{u}</span>
            </li>
          ))}
        </ul>
      )}
      <textarea
        id="composer-text"
        ref={area}
        rows={1}
        placeholder={`Message ${d.kind === "room" ? "#" : ""}${title}`}
        value={text}
        onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
        onBlur={() => !text.trim() && chat.stopTyping(d.id)}
        onKeyDown={onKeyDown}
        aria-autocomplete="list"
        aria-controls={open ? "mention-list" : undefined}
        aria-activedescendant={open ? `mention-${suggestions[sel]}` : undefined}
        aria-describedby="composer-help"
      />
      <span id="composer-help" class="sr-only">
        Enter sends, Shift+Enter starts a new line, @ mentions someone.
      </span>
      <input
        ref={fileInput}
        type="file"
        multiple
        class="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="file-input"
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          setFiles([...files, ...(input.files ?? [])]);
          input.value = "";
        }}
      />
      <button type="button" class="icon" aria-label="Attach files" title="Attach files (or drop them here)" onClick={() => fileInput.current?.click()}>
        📎
      </button>
      <button
        type="button"
        class="icon"
        ref={emojiButton}
        aria-label="Insert emoji"
        aria-expanded={picker}
        aria-haspopup="dialog"
        onClick={() => setPicker(!picker)}
      >
        😊
      </button>
      <button type="submit" class="primary" disabled={!text.trim() && files.length === 0}>
        Send
      </button>
      {picker && (
        <EmojiPicker
          onPick={insert}
          onClose={() => {
            setPicker(false);
            emojiButton.current?.focus();
          }}
        />
      )}
    </form>
  );
}

