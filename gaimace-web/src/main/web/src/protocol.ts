// The Gaimace protocol as docs/protocol.md documents it: subjects, message types, API replies.

export type Kind = "human" | "agent";
export type Status = "online" | "offline" | "away";

export interface ChatMessage {
  type: "message";
  sender: string;
  dialogue_id: string;
  recipient?: string;
  timestamp: string;
  content: string;
  id?: string;
  seq?: number;
  client_id?: string;
  /** Users the server recognised as mentioned with `@user`. */
  mentions?: string[];
  /** Rich messages: the answered message, the thread, edits, deletion, reactions. */
  reply_to?: string;
  thread_id?: string;
  edited_at?: string;
  deleted?: boolean;
  reactions?: Reaction[];
  /** Files sent with the message. */
  attachments?: Attachment[];
  /** Agents: the reply stream this message ends, hops, a poll or chain, a failure code. */
  agent?: AgentMeta;
}

export interface AgentMeta {
  stream_id?: string;
  hops?: number;
  flow?: { id: string; kind: "poll" | "chain"; agents: string[]; step: number };
  error?: string;
}

/** An agent's reply as it grows (not stored; the finished text is stored as a message). */
export interface StreamEvent {
  type: "stream";
  stream_id: string;
  dialogue_id: string;
  sender: string;
  seq: number;
  text?: string;
  delta?: string;
  state: "open" | "done" | "cancelled";
  message_id?: string;
  reply_to?: string;
  by?: string;
}

export interface Reaction {
  emoji: string;
  users: string[];
}

export interface Attachment {
  id: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
}

/** A change to a stored message, logged in the dialogue like a message (`edit`, `delete`, `reaction`). */
export interface ChangeEntry {
  type: "edit" | "delete" | "reaction";
  dialogue_id: string;
  message_id: string;
  sender: string;
  content?: string;
  emoji?: string;
  action?: "add" | "remove";
  timestamp: string;
  seq?: number;
}

export interface Presence {
  type: "presence";
  user_id: string;
  status: Status;
  last_seen?: string;
}

export interface Typing {
  type: "typing";
  user_id: string;
  status: "typing" | "stopped";
  dialogue_id?: string;
}

export interface ReadReceipt {
  type: "read";
  dialogue_id: string;
  user_id: string;
  seq: number;
  timestamp?: string;
}

export interface Profile {
  type: "profile";
  user_id: string;
  name: string;
  avatar?: string;
  kind?: Kind;
  description?: string;
  capabilities?: string[];
  model?: string;
}

export interface ErrorReply {
  type: "error";
  message: string;
  code?: string;
  request_id?: string;
}

export interface DialogueSummary {
  dialogue_id: string;
  kind: "room" | "direct";
  name: string;
  peer?: string;
  last_seq: number;
  read_seq: number;
  unread: number;
  unread_mentions?: number;
}

export interface RoomInfo {
  room_id: string;
  name: string;
  topic?: string;
  visibility: "public" | "private";
  created_by: string;
  created_at: string;
  role?: string;
}

export interface HistoryPage {
  dialogue_id: string;
  messages: ChatMessage[];
  more: boolean;
  /** With `after`: the changes of the same range, oldest first. */
  events?: ChangeEntry[];
}

export interface UploadStarted {
  upload_id: string;
  chunk_size: number;
  chunks: number;
}

export interface FileChunk {
  file_id: string;
  index: number;
  chunks: number;
  data: string;
}

export interface SendAck {
  id: string;
  dialogue_id: string;
  seq: number;
  pos: number;
  timestamp: string;
  duplicate: boolean;
}

/** Events on `gaimace.user.<me>`: membership, role, mute, mention. */
export interface UserEvent {
  type: "membership" | "role" | "mute" | "mention";
  room_id?: string;
  dialogue_id?: string;
  change?: string;
  by?: string;
  seq?: number;
  content?: string;
}

export interface Member {
  user_id: string;
  role: "owner" | "moderator" | "member";
  joined_at?: string;
  muted?: boolean;
  muted_until?: string;
}

export interface SearchResults {
  query: string;
  messages: ChatMessage[];
  more: boolean;
  truncated?: boolean;
}

/** A refused API request: the protocol's error message. */
export class ApiError extends Error {
  readonly code: string;
  constructor(reply: ErrorReply) {
    super(reply.message);
    this.code = reply.code ?? "error";
  }
}

/** The user id in a token `gmc_<user_id>.<secret>`, or null when it has another shape. */
export function userOfToken(token: string): string | null {
  const m = /^gmc_([a-z0-9][a-z0-9_-]{0,63})\.[A-Za-z0-9_-]+$/.exec(token.trim());
  return m ? m[1] : null;
}

/** The one dialogue id of two users: both ids sorted, joined by `+`. */
export function directId(a: string, b: string): string {
  return a < b ? `${a}+${b}` : `${b}+${a}`;
}

export function isDirect(dialogueId: string): boolean {
  return dialogueId.includes("+");
}

/** The other user of a direct dialogue. */
export function peerOf(dialogueId: string, me: string): string {
  const [lo, hi] = dialogueId.split("+");
  return lo === me ? hi : lo;
}

export const subjects = {
  room: (id: string) => `chat.room.${id}`,
  typingRoom: (id: string) => `typing.${id}`,
  direct: (dialogueId: string) => `chat.private.${dialogueId.replace("+", ".")}`,
  typing: (dialogueId: string) =>
    isDirect(dialogueId) ? `typing.${dialogueId.replace("+", ".")}` : `typing.${dialogueId}`,
  presence: (user: string) => `presence.${user}`,
  userEvents: (user: string) => `gaimace.user.${user}`,
  api: (op: string) => `gaimace.api.${op}`,
};

/** The dialogue a chat or typing subject belongs to, or null. */
export function dialogueOfSubject(subject: string): string | null {
  const t = subject.split(".");
  if (t[0] === "chat" && t[1] === "room" && t.length === 3) return t[2];
  if (t[0] === "chat" && t[1] === "private" && t.length === 4) return `${t[2]}+${t[3]}`;
  if (t[0] === "typing" && t.length === 2) return t[1];
  if (t[0] === "typing" && t.length === 3) return `${t[1]}+${t[2]}`;
  return null;
}
