import { useEffect, useRef, useState } from "preact/hooks";
import type { Chat, Dialogue } from "./chat";
import { EmojiPicker } from "./emoji";
import { sizeText } from "./files";
import { AgentBadge, Avatar } from "./people";
import type { Attachment, ChatMessage } from "./protocol";
import { timeOf, tokens } from "./util";

const QUICK = ["👍", "❤️", "😂", "🎉", "😮", "🙏"];
const PREVIEW_MAX = 8 * 1024 * 1024;

interface Props {
  chat: Chat;
  d: Dialogue;
  m: ChatMessage;
  compact: boolean;
  /** This message is the list's keyboard position: it and its tools are in the tab order. */
  active: boolean;
  onOpenDirect: (u: string) => void;
  onReply: (m: ChatMessage) => void;
  onThread: (m: ChatMessage) => void;
  onError: (text: string) => void;
}

/** One message: text, reply quote, attachments, reactions, and its tools (react, reply, edit, delete). */
export function Message({ chat, d, m, compact, active, onOpenDirect, onReply, onThread, onError }: Props) {
  const [editing, setEditing] = useState(false);
  const [picking, setPicking] = useState(false);
  const mine = m.sender === chat.me;
  const mentionsMe = m.mentions ? m.mentions.includes(chat.me) : m.content.includes(`@${chat.me}`);
  const role = d.kind === "room" ? chat.rooms.get(d.id)?.role : undefined;
  const mayDelete = mine || chat.admin || role === "owner" || role === "moderator";
  const parent = m.reply_to ? chat.byId(d, m.reply_to) : undefined;
  const tab = active ? 0 : -1;
  const run = (p: Promise<unknown>) => p.catch((e) => onError((e as Error).message));

  return (
    <article
      class={`msg ${mine ? "mine" : ""} ${compact && !m.reply_to ? "compact" : ""} ${mentionsMe ? "mentioned" : ""} ${m.deleted ? "deleted" : ""} ${m.agent?.error ? "agent-error" : ""}`}
      data-seq={m.seq}
      data-sender={m.sender}
      tabIndex={tab}
      aria-label={`${chat.name(m.sender)} at ${timeOf(m.timestamp)}`}
    >
      {compact && !m.reply_to ? (
        <span class="gutter" aria-hidden="true">
          {timeOf(m.timestamp)}
        </span>
      ) : (
        <button class="avatar-button" tabIndex={-1} aria-hidden="true" onClick={() => !mine && onOpenDirect(m.sender)}>
          <Avatar chat={chat} user={m.sender} size={36} />
        </button>
      )}
      <div class="body">
        {(!compact || m.reply_to) && (
          <p class="who">
            <strong>{chat.name(m.sender)}</strong> <AgentBadge chat={chat} user={m.sender} />{" "}
            {m.agent?.flow && (
              <span class="flow" title={`${m.agent.flow.kind}: ${m.agent.flow.agents.join(", ")}`}>
                {m.agent.flow.kind} {m.agent.flow.step}/{m.agent.flow.agents.length}
              </span>
            )}{" "}
            <time dateTime={m.timestamp} class="muted small">
              {timeOf(m.timestamp)}
            </time>
          </p>
        )}
        {m.reply_to && (
          <button class="quote small" data-testid="reply-quote" tabIndex={tab} onClick={() => onThread(m)} title="Show the thread">
            ↪ {parent ? `${chat.name(parent.sender)}: ${parent.deleted ? "(deleted)" : parent.content.slice(0, 120)}` : "an earlier message"}
          </button>
        )}
        {editing ? (
          <EditBox
            initial={m.content}
            onSave={(text) => {
              setEditing(false);
              if (text !== m.content) void run(chat.edit(d, m, text));
            }}
            onCancel={() => setEditing(false)}
          />
        ) : m.deleted ? (
          <p class="text muted deleted-text">This message was deleted.</p>
        ) : (
          <p class="text">
            {tokens(m.content).map((t) =>
              t.kind === "link" ? (
                <a href={t.value} target="_blank" rel="noopener noreferrer" tabIndex={tab}>
                  {t.value}
                </a>
              ) : t.kind === "mention" ? (
                <span class={`mention ${t.value === `@${chat.me}` ? "self" : ""}`}>{t.value}</span>
              ) : (
                t.value
              ),
            )}
            {m.edited_at && <span class="muted small edited"> (edited)</span>}
          </p>
        )}
        {!m.deleted && m.attachments?.map((a) => <AttachmentView chat={chat} a={a} tab={tab} onError={onError} />)}
        {!m.deleted && (m.reactions?.length ?? 0) > 0 && (
          <div class="reactions" data-testid="reactions">
            {m.reactions!.map((r) => {
              const pressed = r.users.includes(chat.me);
              return (
                <button
                  class={`reaction ${pressed ? "pressed" : ""}`}
                  aria-pressed={pressed}
                  tabIndex={tab}
                  title={r.users.map((u) => chat.name(u)).join(", ")}
                  aria-label={`${r.emoji} ${r.users.length}, by ${r.users.map((u) => chat.name(u)).join(", ")}`}
                  onClick={() => run(chat.react(d, m, r.emoji))}
                >
                  {r.emoji} <span class="count">{r.users.length}</span>
                </button>
              );
            })}
          </div>
        )}
      </div>
      {!m.deleted && !editing && m.id && (
        <div class="tools" role="toolbar" aria-label="Message actions">
          {QUICK.slice(0, 3).map((e) => (
            <button class="icon tool" tabIndex={tab} aria-label={`React ${e}`} title={`React ${e}`} onClick={() => run(chat.react(d, m, e))}>
              {e}
            </button>
          ))}
          <button class="icon tool" tabIndex={tab} aria-label="Add a reaction" title="Add a reaction" aria-expanded={picking} onClick={() => setPicking(!picking)}>
            ☺+
          </button>
          <button class="icon tool" tabIndex={tab} aria-label="Reply" title="Reply" onClick={() => onReply(m)}>
            ↩
          </button>
          <button class="icon tool" tabIndex={tab} aria-label="Thread" title="Open the thread" onClick={() => onThread(m)}>
            🧵
          </button>
          {mine && (
            <button class="icon tool" tabIndex={tab} aria-label="Edit" title="Edit" onClick={() => setEditing(true)}>
              ✎
            </button>
          )}
          {mayDelete && (
            <button
              class="icon tool"
              tabIndex={tab}
              aria-label="Delete"
              title="Delete"
              onClick={() => confirm("Delete this message for everyone?") && run(chat.deleteMessage(d, m))}
            >
              🗑
            </button>
          )}
          {picking && (
            <EmojiPicker
              onPick={(e) => {
                setPicking(false);
                void run(chat.react(d, m, e));
              }}
              onClose={() => setPicking(false)}
            />
          )}
        </div>
      )}
    </article>
  );
}

function EditBox({ initial, onSave, onCancel }: { initial: string; onSave: (t: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <div class="edit-box">
      <label class="sr-only" for="edit-text">
        Edit message
      </label>
      <textarea
        id="edit-text"
        ref={ref}
        value={text}
        rows={2}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            if (text.trim()) onSave(text.trim());
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <p class="muted small">Enter saves · Escape cancels</p>
    </div>
  );
}

/** An image is shown (fetched over NATS, checked); any file can be saved. */
function AttachmentView({ chat, a, tab, onError }: { chat: Chat; a: Attachment; tab: number; onError: (t: string) => void }) {
  const [url, setUrl] = useState<string | null>(null);
  const image = a.mime.startsWith("image/") && a.size <= PREVIEW_MAX;
  useEffect(() => {
    if (!image) return;
    let revoke: string | null = null;
    chat.file(a).then(
      (blob) => setUrl((revoke = URL.createObjectURL(blob))),
      (e) => onError(e.message),
    );
    return () => revoke && URL.revokeObjectURL(revoke);
  }, [a.id]);

  async function save() {
    try {
      const blob = await chat.file(a);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = a.name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (e) {
      onError((e as Error).message);
    }
  }

  return (
    <div class="attachment" data-file={a.name}>
      {image && (url ? <img src={url} alt={a.name} class="preview" /> : <div class="preview loading">Loading {a.name}…</div>)}
      <button class="file" tabIndex={tab} onClick={save} aria-label={`Download ${a.name}, ${sizeText(a.size)}`}>
        <span aria-hidden="true">{image ? "🖼" : "📄"}</span> <span class="file-name">{a.name}</span>{" "}
        <span class="muted small">{sizeText(a.size)}</span> <span aria-hidden="true">⤓</span>
      </button>
    </div>
  );
}
