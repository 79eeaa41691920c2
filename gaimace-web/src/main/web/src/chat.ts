// The Gaimace client of the page: one NATS WebSocket connection with the user's token, the API
// over request/reply, live subjects, gap detection and recovery (as the Java SDK's Session does),
// and the state the UI renders. Every change bumps `version` and notifies listeners.

import { type Msg, type NatsConnection, wsconnect } from "@nats-io/nats-core";
import { download, upload } from "./files";
import {
  ApiError,
  type Attachment,
  type ChangeEntry,
  type ChatMessage,
  type DialogueSummary,
  type HistoryPage,
  type Member,
  type Presence,
  type Profile,
  type ReadReceipt,
  type RoomInfo,
  type SearchResults,
  type SendAck,
  type StreamEvent,
  type Status,
  type Typing,
  type UserEvent,
  dialogueOfSubject,
  directId,
  isDirect,
  peerOf,
  subjects,
  userOfToken,
} from "./protocol";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "closed";

/** A message this page sent that has no acknowledgement yet. */
export interface Pending {
  client_id: string;
  dialogue_id: string;
  content: string;
  reply_to?: string;
  /** Files still to upload, and those uploaded (sent with the message). */
  files?: File[];
  attachments?: Attachment[];
  progress?: string;
  failed?: string;
}

/** A random id; crypto.randomUUID exists on secure pages only. */
export function uuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface Dialogue {
  id: string;
  kind: "room" | "direct";
  name: string;
  peer?: string;
  /** Messages by stream sequence. */
  messages: Map<number, ChatMessage>;
  /** The newest sequence seen without a gap before it (tracked even when never opened). */
  last: number;
  readSeq: number;
  unread: number;
  /** Unread messages that mention me. */
  mentions: number;
  /** The newest page was fetched. */
  loaded: boolean;
  /** Older messages exist on the server. */
  more: boolean;
  loadingOlder: boolean;
  /** Other members' read markers seen live. */
  receipts: Map<string, number>;
  /** Who is typing, until when (ms since epoch). */
  typing: Map<string, number>;
  /** Agents' replies under way, by stream id, with their text so far. */
  streams: Map<string, StreamEvent>;
}

const TYPING_REPEAT_MS = 3000;
const TYPING_EXPIRES_MS = 6000;
const PAGE = 50;

export class Chat {
  readonly me: string;
  state: ConnectionState = "connecting";
  error: string | null = null;
  version = 0;
  dialogues = new Map<string, Dialogue>();
  rooms = new Map<string, RoomInfo>();
  presence = new Map<string, Presence>();
  profiles = new Map<string, Profile>();
  pending: Pending[] = [];
  admin = false;

  private nc!: NatsConnection;
  private readonly token: string;
  private readonly url: string;
  private listeners = new Set<() => void>();
  private roomSubs = new Map<string, { unsubscribe(): void }[]>();
  private typingSentAt = new Map<string, number>();
  private recovering = new Set<string>();
  private reconnected: (() => void)[] = [];
  private closing = false;
  private status: Status = "online";
  private profileRequests = new Set<string>();
  private typingTimer?: ReturnType<typeof setInterval>;

  private constructor(token: string, url: string, me: string) {
    this.token = token;
    this.url = url;
    this.me = me;
  }

  /** Connects with the token; rejects with a readable reason when NATS refuses it. */
  static async connect(token: string, url: string): Promise<Chat> {
    const me = userOfToken(token);
    if (!me) throw new Error("This is not a Gaimace token (they look like gmc_<user>.<secret>).");
    const chat = new Chat(token.trim(), url, me);
    await chat.start();
    return chat;
  }

  private async start() {
    try {
      this.nc = await wsconnect({
        servers: this.url,
        token: this.token,
        inboxPrefix: `_INBOX_${this.me}`,
        name: "gaimace-web",
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
        timeout: 5000,
        ignoreClusterUpdates: true,
      });
    } catch (e) {
      const text = String((e as Error).message ?? e);
      if (/authoriz/i.test(text)) throw new Error("The token was refused (unknown, expired or revoked).");
      throw new Error(`Cannot reach the chat server at ${this.url}: ${text}`);
    }
    try {
      await this.listen();
    } catch (e) {
      await this.nc.close().catch(() => {});
      throw new Error(`Connected, but the chat server did not answer: ${(e as Error).message}`);
    }
  }

  /** Subscriptions and the first state, right after connecting. */
  private async listen() {
    void this.watchStatus();
    const me = this.me;
    for (const s of [
      `chat.private.${me}.*`,
      `chat.private.*.${me}`,
      `typing.${me}.*`,
      `typing.*.${me}`,
      "presence.*",
      "profile.*",
      subjects.userEvents(me),
    ]) {
      this.nc.subscribe(s, { callback: (err, m) => void (err || this.handle(m)) });
    }
    const who = await this.api<{ user_id: string; admin: boolean; profile: Profile }>("whoami");
    this.admin = who.admin;
    this.profiles.set(me, who.profile);
    await this.refresh();
    this.state = "connected";
    this.changed();
    void this.loadPeople();
    this.typingTimer = setInterval(() => this.expireTyping(), 1000);
  }

  // ---- state for the UI ----

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    this.version++;
    for (const l of this.listeners) l();
  }

  name(user: string): string {
    const p = this.profiles.get(user);
    if (!p && !this.profileRequests.has(user)) {
      this.profileRequests.add(user);
      void this.api<Profile>("profile.get", { user_id: user })
        .then((got) => {
          this.profiles.set(user, got);
          this.changed();
        })
        .catch(() => {});
    }
    return p?.name || user;
  }

  sorted(d: Dialogue): ChatMessage[] {
    return [...d.messages.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  }

  // ---- the API ----

  async api<T>(op: string, body: object = {}, timeout = 8000): Promise<T> {
    const reply = await this.nc.request(subjects.api(op), JSON.stringify(body), { timeout });
    const json = reply.json<any>();
    if (json && json.type === "error") throw new ApiError(json);
    return json as T;
  }

  /** Dialogues and rooms from the server; subscribes to rooms; recovers what was missed. */
  private async refresh() {
    const [list, rooms] = await Promise.all([
      this.api<{ dialogues: DialogueSummary[] }>("dialogues"),
      this.api<{ rooms: RoomInfo[] }>("room.list"),
    ]);
    this.rooms = new Map(rooms.rooms.map((r) => [r.room_id, r]));
    const seen = new Set<string>();
    for (const s of list.dialogues) {
      seen.add(s.dialogue_id);
      let d = this.dialogues.get(s.dialogue_id);
      if (!d) {
        d = this.newDialogue(s.dialogue_id, s.kind, s.name, s.peer);
        d.last = s.last_seq;
        this.dialogues.set(d.id, d);
      }
      d.name = s.name;
      d.readSeq = Math.max(d.readSeq, s.read_seq);
      d.unread = s.unread;
      d.mentions = s.unread_mentions ?? 0;
      if (s.kind === "room") this.subscribeRoom(s.dialogue_id);
      if (s.last_seq > d.last && d.loaded) void this.recover(d.id);
      else if (!d.loaded) d.last = Math.max(d.last, s.last_seq);
    }
    for (const [id, d] of this.dialogues) {
      if (d.kind === "room" && !seen.has(id)) this.forgetRoom(id);
    }
    this.changed();
  }

  private newDialogue(id: string, kind: "room" | "direct", name: string, peer?: string): Dialogue {
    return {
      id,
      kind,
      name,
      peer,
      messages: new Map(),
      last: 0,
      readSeq: 0,
      unread: 0,
      mentions: 0,
      loaded: false,
      more: false,
      loadingOlder: false,
      receipts: new Map(),
      typing: new Map(),
      streams: new Map(),
    };
  }

  /** The direct dialogue with a user, made locally when nobody has written yet. */
  directWith(user: string): Dialogue {
    const id = directId(this.me, user);
    let d = this.dialogues.get(id);
    if (!d) {
      d = this.newDialogue(id, "direct", user, user);
      d.loaded = true;
      this.dialogues.set(id, d);
      this.changed();
    }
    return d;
  }

  /** Fetches the newest page of a dialogue once. */
  async open(id: string) {
    const d = this.dialogues.get(id);
    if (!d || d.loaded) return;
    const page = await this.api<HistoryPage>("history", { dialogue_id: id, limit: PAGE });
    for (const m of page.messages) d.messages.set(m.seq!, m);
    d.more = page.more;
    d.loaded = true;
    void this.loadStreams(d);
    const newest = page.messages.at(-1)?.seq ?? 0;
    if (newest > d.last) d.last = newest;
    this.changed();
  }

  /** The dialogue's agent replies under way (when opening it, and after a reconnect). */
  private async loadStreams(d: Dialogue) {
    try {
      const r = await this.api<{ streams: StreamEvent[] }>("stream.list", { dialogue_id: d.id });
      d.streams = new Map(r.streams.filter((e) => e.state === "open").map((e) => [e.stream_id, e]));
      this.changed();
    } catch {
      // a server without agent streams: nothing under way
    }
  }

  /** Stops an agent's reply under way (humans may stop any in their dialogues). */
  async cancelStream(d: Dialogue, streamId: string) {
    await this.api("stream.cancel", { stream_id: streamId });
    d.streams.delete(streamId);
    this.changed();
  }

  /** A thread: its first message, then its replies in order. */
  async thread(d: Dialogue, messageId: string): Promise<ChatMessage[]> {
    const page = await this.api<HistoryPage>("history", { dialogue_id: d.id, thread: messageId, limit: 100 });
    return page.messages;
  }

  /** One more page of older messages; false when there are none. */
  async older(id: string): Promise<boolean> {
    const d = this.dialogues.get(id);
    if (!d || !d.more || d.loadingOlder) return false;
    const oldest = Math.min(...d.messages.keys());
    if (!Number.isFinite(oldest)) return false;
    d.loadingOlder = true;
    this.changed();
    try {
      const page = await this.api<HistoryPage>("history", { dialogue_id: id, before: oldest, limit: PAGE });
      for (const m of page.messages) d.messages.set(m.seq!, m);
      d.more = page.more && page.messages.length > 0;
      return page.messages.length > 0;
    } finally {
      d.loadingOlder = false;
      this.changed();
    }
  }

  /** Fetches everything after `last` (the protocol's recovery), repeating while `more`. */
  private async recover(id: string) {
    if (this.recovering.has(id)) return;
    this.recovering.add(id);
    try {
      const d = this.dialogues.get(id);
      for (let more = true; more && d; ) {
        const page = await this.api<HistoryPage>("history", { dialogue_id: id, after: d.last });
        const entries: (ChatMessage | ChangeEntry)[] = [...page.messages, ...(page.events ?? [])];
        entries.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
        for (const e of entries) {
          if (e.type === "message") this.store(d, e, false);
          else this.applyChange(d, e, e.seq!);
        }
        more = page.more && entries.length > 0;
      }
    } catch (e) {
      console.warn("recovery of", id, "failed", e);
    } finally {
      this.recovering.delete(id);
      this.changed();
    }
  }

  async send(dialogueId: string, content: string, opts: { replyTo?: string; files?: File[] } = {}) {
    const p: Pending = { client_id: uuid(), dialogue_id: dialogueId, content, reply_to: opts.replyTo };
    if (opts.files?.length) p.files = [...opts.files];
    this.pending.push(p);
    this.stopTyping(dialogueId);
    this.changed();
    await this.deliver(p);
  }

  /** Uploads what is left of a pending message's files; false when it failed. */
  private async uploadFiles(p: Pending): Promise<boolean> {
    while (p.files?.length) {
      const file = p.files[0];
      try {
        const a = await upload(this.api.bind(this), p.dialogue_id, file, (done) => {
          p.progress = `Uploading ${file.name}… ${Math.round(done * 100)}%`;
          this.changed();
        });
        (p.attachments ??= []).push(a);
        p.files.shift();
        p.progress = undefined;
      } catch (e) {
        if (e instanceof ApiError || !(e instanceof Error) || !/timeout|disconnect|closed/i.test(e.message)) {
          p.failed = `${file.name}: ${(e as Error).message}`;
          p.progress = undefined;
          this.changed();
          return false;
        }
        return false; // the connection is down: deliver() runs again after the reconnect
      }
    }
    return true;
  }

  /** A file's content (checked); images are shown from it, other files saved. */
  file(a: Attachment): Promise<Blob> {
    return download(this.api.bind(this), a);
  }

  /** Sends a pending message; kept for a resend (same client_id) if the connection is down. */
  private async deliver(p: Pending) {
    if (p.files?.length && !(await this.uploadFiles(p))) return;
    const target = isDirect(p.dialogue_id)
      ? { recipient: peerOf(p.dialogue_id, this.me) }
      : { dialogue_id: p.dialogue_id };
    const extra: Record<string, unknown> = {};
    if (p.reply_to) extra.reply_to = p.reply_to;
    if (p.attachments?.length) extra.attachments = p.attachments.map((a) => a.id);
    try {
      const ack = await this.api<SendAck>("send", { ...target, ...extra, content: p.content, client_id: p.client_id });
      this.pending = this.pending.filter((x) => x !== p);
      const d = this.dialogues.get(ack.dialogue_id) ?? this.directWith(peerOf(ack.dialogue_id, this.me));
      d.messages.set(ack.seq, {
        type: "message",
        sender: this.me,
        dialogue_id: ack.dialogue_id,
        timestamp: ack.timestamp,
        content: p.content,
        id: ack.id,
        seq: ack.seq,
        client_id: p.client_id,
        reply_to: p.reply_to,
        attachments: p.attachments,
      });
      if (d.loaded || d.last === 0) d.loaded = true;
      void this.markRead(d.id);
    } catch (e) {
      if (e instanceof ApiError) p.failed = e.message;
      // Otherwise the connection is down: deliver() runs again after the reconnect.
    }
    this.changed();
  }

  retry(p: Pending) {
    p.failed = undefined;
    void this.deliver(p);
  }

  discard(p: Pending) {
    this.pending = this.pending.filter((x) => x !== p);
    this.changed();
  }

  /** Marks the dialogue read up to its newest message, if that moves the marker. */
  async markRead(id: string) {
    const d = this.dialogues.get(id);
    if (!d) return;
    // d.last may be an edit or reaction entry, which the marker may point at too.
    const newest = d.loaded ? Math.max(d.last, ...d.messages.keys()) : Math.max(0, ...d.messages.keys());
    if (newest <= d.readSeq && d.unread === 0 && d.mentions === 0) return;
    d.unread = 0;
    d.mentions = 0;
    if (newest <= d.readSeq) {
      this.changed();
      return;
    }
    d.readSeq = newest;
    this.changed();
    try {
      await this.api<ReadReceipt>("read", { dialogue_id: id, seq: newest });
    } catch (e) {
      const message = Math.max(0, ...d.messages.keys());
      if (e instanceof ApiError && message > 0 && message < newest) {
        await this.api<ReadReceipt>("read", { dialogue_id: id, seq: message }).catch(() => {});
      } else {
        console.warn("read failed", e);
      }
    }
  }

  /** Edits my message; the reply (its current state) replaces it. */
  async edit(d: Dialogue, m: ChatMessage, content: string) {
    this.replace(d, await this.api<ChatMessage>("message.edit", { dialogue_id: d.id, message_id: m.id, content }));
  }

  async deleteMessage(d: Dialogue, m: ChatMessage) {
    this.replace(d, await this.api<ChatMessage>("message.delete", { dialogue_id: d.id, message_id: m.id }));
  }

  /** Adds my reaction, or takes it back when I had given it. */
  async react(d: Dialogue, m: ChatMessage, emoji: string) {
    const mine = m.reactions?.find((r) => r.emoji === emoji)?.users.includes(this.me);
    const now = await this.api<ChatMessage>("message.react", {
      dialogue_id: d.id,
      message_id: m.id,
      emoji,
      action: mine ? "remove" : "add",
    });
    this.replace(d, now);
  }

  private replace(d: Dialogue, m: ChatMessage) {
    if (m.seq) d.messages.set(m.seq, m);
    this.changed();
  }

  byId(d: Dialogue, id: string): ChatMessage | undefined {
    for (const m of d.messages.values()) if (m.id === id) return m;
    return undefined;
  }

  /** Applies an edit, delete or reaction entry to the message it changes, if loaded. */
  private applyChange(d: Dialogue, e: ChangeEntry, seq: number) {
    if (seq > d.last) d.last = seq;
    const m = this.byId(d, e.message_id);
    if (!m || m.deleted) return;
    let next: ChatMessage = m;
    if (e.type === "edit") next = { ...m, content: e.content ?? m.content, edited_at: e.timestamp };
    else if (e.type === "delete") next = { ...m, content: "", deleted: true, reactions: undefined, attachments: undefined, mentions: undefined };
    else if (e.type === "reaction" && e.emoji) {
      const reactions = (m.reactions ?? []).map((r) => ({ ...r, users: [...r.users] }));
      let r = reactions.find((x) => x.emoji === e.emoji);
      if (e.action === "remove") {
        if (r) r.users = r.users.filter((u) => u !== e.sender);
      } else {
        if (!r) reactions.push((r = { emoji: e.emoji, users: [] }));
        if (!r.users.includes(e.sender)) r.users.push(e.sender);
      }
      next = { ...m, reactions: reactions.filter((x) => x.users.length > 0) };
    }
    d.messages.set(m.seq!, next);
  }

  typing(dialogueId: string) {
    const now = Date.now();
    if (now - (this.typingSentAt.get(dialogueId) ?? 0) < TYPING_REPEAT_MS) return;
    this.typingSentAt.set(dialogueId, now);
    this.publishTyping(dialogueId, "typing");
  }

  stopTyping(dialogueId: string) {
    if (!this.typingSentAt.has(dialogueId)) return;
    this.typingSentAt.delete(dialogueId);
    this.publishTyping(dialogueId, "stopped");
  }

  private publishTyping(dialogueId: string, status: "typing" | "stopped") {
    const t: Typing = { type: "typing", user_id: this.me, status, dialogue_id: dialogueId };
    try {
      this.nc.publish(subjects.typing(dialogueId), JSON.stringify(t));
    } catch {
      // typing is ephemeral: nothing to do when the connection is down
    }
  }

  setStatus(status: Status) {
    this.status = status;
    this.publishPresence(status);
  }

  private publishPresence(status: Status) {
    const p: Presence = { type: "presence", user_id: this.me, status };
    try {
      this.nc.publish(subjects.presence(this.me), JSON.stringify(p));
    } catch {
      // announced again after the reconnect
    }
  }

  async setProfile(update: { name?: string; avatar?: string; description?: string }) {
    const p = await this.api<Profile>("profile.set", update);
    this.profiles.set(this.me, p);
    this.changed();
  }

  async directory(query: string): Promise<Profile[]> {
    const r = await this.api<{ users: Profile[] }>("directory", { query, limit: 200 });
    for (const p of r.users) this.profiles.set(p.user_id, p);
    this.changed();
    return r.users;
  }

  private async loadPeople() {
    try {
      await this.directory("");
      const r = await this.api<{ users: Presence[] }>("presence");
      for (const p of r.users) this.presence.set(p.user_id, p);
      this.changed();
    } catch (e) {
      console.warn("cannot load the directory", e);
    }
  }

  async listRooms() {
    const rooms = await this.api<{ rooms: RoomInfo[] }>("room.list");
    this.rooms = new Map(rooms.rooms.map((r) => [r.room_id, r]));
    this.changed();
    return rooms.rooms;
  }

  async createRoom(req: { room_id: string; name?: string; topic?: string; visibility: string; members?: string[] }) {
    const room = await this.api<RoomInfo>("room.create", req);
    await this.gained(room);
    return room;
  }

  async joinRoom(roomId: string) {
    const room = await this.api<RoomInfo>("room.join", { room_id: roomId });
    await this.gained(room);
    return room;
  }

  async leaveRoom(roomId: string) {
    await this.api("room.leave", { room_id: roomId });
    this.forgetRoom(roomId);
    this.changed();
  }

  async invite(roomId: string, userId: string) {
    await this.api("room.invite", { room_id: roomId, user_id: userId });
  }

  async members(roomId: string): Promise<Member[]> {
    return (await this.api<{ members: Member[] }>("room.members", { room_id: roomId })).members;
  }

  /** Messages containing `query` in my dialogues (or one), newest first. */
  async search(query: string, dialogueId?: string): Promise<SearchResults> {
    return this.api<SearchResults>("search", { query, dialogue_id: dialogueId, limit: 50 });
  }

  /** Who can be mentioned in a dialogue: room members, or the peer. */
  async mentionable(d: Dialogue): Promise<string[]> {
    if (d.kind === "direct") return [d.peer!];
    return (await this.members(d.id)).map((m) => m.user_id).filter((u) => u !== this.me);
  }

  /** A room was gained: reconnect for the new permissions; the reconnect subscribes and loads it. */
  private async gained(room: RoomInfo) {
    this.rooms.set(room.room_id, room);
    if (!this.dialogues.has(room.room_id)) {
      this.dialogues.set(room.room_id, this.newDialogue(room.room_id, "room", room.name));
    }
    await this.reauthorize();
  }

  /** Forces a reconnect (the auth callout issues current permissions) and waits for it. */
  private reauthorize(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      this.reconnected.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.nc.reconnect().catch(() => resolve());
    });
  }

  private subscribeRoom(id: string) {
    if (this.roomSubs.has(id)) return;
    const cb = { callback: (err: Error | null, m: Msg) => void (err || this.handle(m)) };
    this.roomSubs.set(id, [this.nc.subscribe(subjects.room(id), cb), this.nc.subscribe(subjects.typingRoom(id), cb)]);
  }

  private forgetRoom(id: string) {
    for (const s of this.roomSubs.get(id) ?? []) s.unsubscribe();
    this.roomSubs.delete(id);
    this.dialogues.delete(id);
    const r = this.rooms.get(id);
    if (r && r.visibility === "private") this.rooms.delete(id);
    else if (r) delete r.role;
  }

  // ---- live traffic ----

  private handle(m: Msg) {
    let body: any;
    try {
      body = m.json();
    } catch {
      return;
    }
    if (m.subject === subjects.userEvents(this.me)) return this.onUserEvent(body as UserEvent);
    switch (body?.type) {
      case "message":
        return this.onMessage(body as ChatMessage, m);
      case "stream":
        return this.onStream(body as StreamEvent);
      case "edit":
      case "delete":
      case "reaction":
        return this.onChangeEntry(body as ChangeEntry, m);
      case "read":
        return this.onRead(body as ReadReceipt);
      case "typing":
        return this.onTyping(body as Typing, m.subject);
      case "presence":
        if (m.subject !== subjects.presence(body.user_id)) return; // someone else's claim
        this.presence.set(body.user_id, { ...this.presence.get(body.user_id), ...body });
        return this.changed();
      case "profile":
        if (m.subject !== `profile.${body.user_id}`) return;
        this.profiles.set(body.user_id, body as Profile);
        return this.changed();
    }
  }

  private onMessage(msg: ChatMessage, m: Msg) {
    const seq = Number(m.headers?.get("Nats-Sequence"));
    if (!seq) return; // not from the stream: not a stored message
    const prev = Number(m.headers?.get("Nats-Last-Sequence") ?? 0);
    let d = this.dialogues.get(msg.dialogue_id);
    if (!d) {
      if (!isDirect(msg.dialogue_id)) return;
      d = this.newDialogue(msg.dialogue_id, "direct", peerOf(msg.dialogue_id, this.me), peerOf(msg.dialogue_id, this.me));
      d.last = prev; // a new direct dialogue: recover anything before this one
      this.dialogues.set(d.id, d);
    }
    if (seq <= d.last && d.messages.has(seq)) return; // a repeat
    if (prev > d.last) {
      // A gap: messages between `last` and this one were missed. Recovery fetches them all.
      void this.recover(d.id);
      return;
    }
    this.store(d, { ...msg, seq }, true);
    // The stored end of an agent's reply may overtake the stream's "done" event.
    if (msg.agent?.stream_id) d.streams.delete(msg.agent.stream_id);
    this.changed();
  }

  private onStream(e: StreamEvent) {
    const d = this.dialogues.get(e.dialogue_id);
    if (!d) return;
    const known = d.streams.get(e.stream_id);
    if (e.state !== "open") {
      d.streams.delete(e.stream_id);
    } else if (e.delta === undefined) {
      d.streams.set(e.stream_id, { ...e, text: e.text ?? "" });
    } else if (known && e.seq === known.seq + 1) {
      d.streams.set(e.stream_id, { ...e, text: (known.text ?? "") + e.delta });
    } else if (!known || e.seq > known.seq) {
      void this.loadStreams(d); // joined mid-stream or missed a piece: take the text so far
    }
    this.changed();
  }

  private onChangeEntry(e: ChangeEntry, m: Msg) {
    const seq = Number(m.headers?.get("Nats-Sequence"));
    if (!seq) return;
    const prev = Number(m.headers?.get("Nats-Last-Sequence") ?? 0);
    const d = this.dialogues.get(e.dialogue_id);
    if (!d || seq <= d.last) return; // unknown dialogue, or a repeat
    if (prev > d.last) {
      void this.recover(d.id);
      return;
    }
    this.applyChange(d, e, seq);
    if (e.sender !== this.me && seq > d.readSeq) d.unread++;
    this.changed();
  }

  private store(d: Dialogue, msg: ChatMessage, live: boolean) {
    const seq = msg.seq!;
    const known = d.messages.has(seq);
    if (d.loaded || live) d.messages.set(seq, msg);
    if (seq > d.last) d.last = seq;
    d.typing.delete(msg.sender);
    if (!known && msg.sender !== this.me && seq > d.readSeq) d.unread++;
    if (msg.sender === this.me) this.pending = this.pending.filter((p) => p.client_id !== msg.client_id);
  }

  private onRead(r: ReadReceipt) {
    const d = this.dialogues.get(r.dialogue_id);
    if (!d) return;
    if (r.user_id === this.me) {
      // Read on another device of ours.
      if (r.seq >= d.readSeq) {
        d.readSeq = r.seq;
        d.unread = [...d.messages.keys()].filter((s) => s > r.seq && d.messages.get(s)!.sender !== this.me).length;
      }
    } else if ((d.receipts.get(r.user_id) ?? 0) < r.seq) {
      d.receipts.set(r.user_id, r.seq);
    }
    this.changed();
  }

  private onTyping(t: Typing, subject: string) {
    const id = dialogueOfSubject(subject);
    if (!id || t.user_id === this.me) return;
    const d = this.dialogues.get(id) ?? (isDirect(id) ? this.directWith(peerOf(id, this.me)) : undefined);
    if (!d) return;
    if (d.kind === "direct" && t.user_id !== d.peer) return; // only the peer types in a DM
    if (t.status === "typing") d.typing.set(t.user_id, Date.now() + TYPING_EXPIRES_MS);
    else d.typing.delete(t.user_id);
    this.changed();
  }

  private expireTyping() {
    const now = Date.now();
    let any = false;
    for (const d of this.dialogues.values()) {
      for (const [u, until] of d.typing) {
        if (until < now) {
          d.typing.delete(u);
          any = true;
        }
      }
    }
    if (any) this.changed();
  }

  private onUserEvent(e: UserEvent) {
    if (e.type === "mention" && e.dialogue_id) {
      const d = this.dialogues.get(e.dialogue_id);
      if (d && (e.seq ?? 0) > d.readSeq) {
        d.mentions++;
        this.changed();
      }
      return;
    }
    if (e.type === "role" && e.room_id) {
      const r = this.rooms.get(e.room_id);
      if (r) r.role = e.change;
      return this.changed();
    }
    if (e.type !== "membership" || !e.room_id) return;
    if (e.change === "added") {
      if (e.by === this.me) return; // our own create or join: handled by its reply
      void this.reauthorize();
    } else {
      // The server closes our connections right after; the reconnect has the new permissions.
      this.forgetRoom(e.room_id);
      this.changed();
    }
  }

  private async watchStatus() {
    for await (const s of this.nc.status()) {
      if (s.type === "disconnect" || s.type === "reconnecting") {
        if (this.state !== "reconnecting" && !this.closing) {
          this.state = "reconnecting";
          this.changed();
        }
      } else if (s.type === "reconnect") {
        for (const r of this.reconnected.splice(0)) r();
        void this.afterReconnect();
      } else if (s.type === "close") {
        this.state = "closed";
        this.changed();
      }
    }
  }

  /** After any reconnect: dialogues again (new rooms, lost rooms), recovery, outbox, presence. */
  private async afterReconnect() {
    try {
      await this.refresh();
      for (const d of this.dialogues.values()) {
        if (d.loaded) {
          void this.recover(d.id);
          void this.loadStreams(d);
        }
      }
      // The server announces 'online' itself; only a status the user chose is announced again.
      if (this.status !== "online") this.publishPresence(this.status);
      const r = await this.api<{ users: Presence[] }>("presence");
      for (const p of r.users) this.presence.set(p.user_id, p);
      this.state = "connected";
      this.changed();
      for (const p of this.pending.filter((x) => !x.failed)) await this.deliver(p);
    } catch (e) {
      console.warn("recovery after reconnect failed; retrying", e);
      setTimeout(() => void this.afterReconnect(), 1000);
    }
  }

  async close() {
    this.closing = true;
    clearInterval(this.typingTimer);
    try {
      await this.nc.close();
    } catch {
      // closing anyway
    }
  }
}
