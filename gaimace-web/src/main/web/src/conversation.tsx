import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Chat, Dialogue } from "./chat";
import { Members } from "./dialogs";
import { AgentBadge, Avatar, PresenceDot, presenceText } from "./people";
import type { ChatMessage } from "./protocol";
import { EMOJI, dayKey, dayLabel, timeOf, tokens } from "./util";

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
    <section class="conversation" aria-labelledby="conv-title" data-dialogue={d.id}>
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
      <MessageList chat={chat} d={d} onOpenDirect={onOpenDirect} />
      <TypingLine chat={chat} d={d} />
      <Composer chat={chat} d={d} title={title} />
      {members && room && <Members chat={chat} room={room} onClose={() => setMembers(false)} onOpenDirect={onOpenDirect} />}
    </section>
  );
}

function MessageList({ chat, d, onOpenDirect }: { chat: Chat; d: Dialogue; onOpenDirect: (u: string) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const [newBelow, setNewBelow] = useState(false);
  const messages = chat.sorted(d);
  const newest = messages.at(-1)?.seq ?? 0;
  const oldest = messages[0]?.seq ?? 0;
  const pending = chat.pending.filter((p) => p.dialogue_id === d.id);

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
  }, [newest, pending.length, d.loaded]);

  // Infinite scroll: the top sentinel in view loads the previous page.
  useEffect(() => {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && d.loaded && d.more && !d.loadingOlder) {
        const el = list.current!;
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
  }, [d.id, newest]);

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
  return (
    <div class="messages-wrap">
      <div class="messages" ref={list} onScroll={onScroll} role="log" aria-label={`Messages`} tabIndex={0} data-testid="messages">
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
              <Message chat={chat} m={m} compact={compact} onOpenDirect={onOpenDirect} />
              {m === latestMine && seenBy.length > 0 && (
                <p class="seen" data-testid="seen-by">
                  Seen by {seenBy.join(", ")}
                </p>
              )}
            </>
          );
        })}
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
                  "Sending…"
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

function Message({ chat, m, compact, onOpenDirect }: { chat: Chat; m: ChatMessage; compact: boolean; onOpenDirect: (u: string) => void }) {
  const mine = m.sender === chat.me;
  const mentionsMe = m.mentions ? m.mentions.includes(chat.me) : m.content.includes(`@${chat.me}`);
  return (
    <article
      class={`msg ${mine ? "mine" : ""} ${compact ? "compact" : ""} ${mentionsMe ? "mentioned" : ""}`}
      data-seq={m.seq}
      data-sender={m.sender}
      aria-label={`${chat.name(m.sender)} at ${timeOf(m.timestamp)}`}
    >
      {compact ? (
        <span class="gutter" aria-hidden="true">
          {timeOf(m.timestamp)}
        </span>
      ) : (
        <button class="avatar-button" tabIndex={-1} aria-hidden="true" onClick={() => !mine && onOpenDirect(m.sender)}>
          <Avatar chat={chat} user={m.sender} size={36} />
        </button>
      )}
      <div class="body">
        {!compact && (
          <p class="who">
            <strong>{chat.name(m.sender)}</strong> <AgentBadge chat={chat} user={m.sender} />{" "}
            <time dateTime={m.timestamp} class="muted small">
              {timeOf(m.timestamp)}
            </time>
          </p>
        )}
        <p class="text">
          {tokens(m.content).map((t) =>
            t.kind === "link" ? (
              <a href={t.value} target="_blank" rel="noopener noreferrer">
                {t.value}
              </a>
            ) : t.kind === "mention" ? (
              <span class={`mention ${t.value === `@${chat.me}` ? "me" : ""}`}>{t.value}</span>
            ) : (
              t.value
            ),
          )}
        </p>
      </div>
    </article>
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

function Composer({ chat, d, title }: { chat: Chat; d: Dialogue; title: string }) {
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
  useLayoutEffect(() => {
    const el = area.current!;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 160)}px`;
  }, [text]);

  const suggestions =
    query === null || !people
      ? []
      : people
          .filter((u) => u.startsWith(query) || chat.name(u).toLowerCase().includes(query))
          .slice(0, 6);

  function send() {
    const content = text.trim();
    if (!content) return;
    setText("");
    setQuery(null);
    void chat.send(d.id, content);
  }

  function onInput(v: string) {
    setText(v);
    if (v.trim()) chat.typing(d.id);
    else chat.stopTyping(d.id);
    const caret = area.current?.selectionStart ?? v.length;
    const m = MENTION_AT_CARET.exec(v.slice(0, caret));
    setQuery(m ? m[2] : null);
    setSel(0);
    if (m && people === null) {
      setPeople([]);
      chat.mentionable(d).then(setPeople, () => setPeople([]));
    }
  }

  function pick(user: string) {
    const el = area.current!;
    const caret = el.selectionStart ?? text.length;
    const before = text.slice(0, caret).replace(/@[a-z0-9_-]*$/, `@${user} `);
    setText(before + text.slice(caret));
    setQuery(null);
    requestAnimationFrame(() => {
      el.focus();
      el.selectionStart = el.selectionEnd = before.length;
    });
  }

  function insert(emoji: string) {
    const el = area.current!;
    const start = el.selectionStart ?? text.length;
    const end = el.selectionEnd ?? text.length;
    setText(text.slice(0, start) + emoji + text.slice(end));
    setPicker(false);
    requestAnimationFrame(() => {
      el.focus();
      el.selectionStart = el.selectionEnd = start + emoji.length;
    });
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
      <button type="submit" class="primary" disabled={!text.trim()}>
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

export function EmojiPicker({ onPick, onClose }: { onPick: (e: string) => void; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector("button")?.focus();
    const away = (e: MouseEvent) => !box.current?.contains(e.target as Node) && onClose();
    setTimeout(() => document.addEventListener("click", away));
    return () => document.removeEventListener("click", away);
  }, []);
  return (
    <div
      class="emoji-picker"
      ref={box}
      role="dialog"
      aria-label="Emoji"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      {EMOJI.map((e) => (
        <button type="button" class="emoji" aria-label={e} onClick={() => onPick(e)}>
          {e}
        </button>
      ))}
    </div>
  );
}
