import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Chat } from "./chat";
import { Login } from "./login";
import { ChatView } from "./chatview";
import "./style.css";

const SAVED = "gaimace.token";

/** Where NATS's WebSocket listener is: from /config.json, else port 9222 of this host. */
async function websocketUrl(): Promise<string> {
  try {
    const r = await fetch("config.json", { cache: "no-store" });
    if (r.ok) {
      const c = await r.json();
      if (typeof c.nats_websocket_url === "string") return c.nats_websocket_url;
    }
  } catch {
    // served without the Java server (vite dev): use the default
  }
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.hostname || "127.0.0.1"}:9222`;
}

function App() {
  const [chat, setChat] = useState<Chat | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void websocketUrl().then((u) => {
      setUrl(u);
      const saved = localStorage.getItem(SAVED) ?? sessionStorage.getItem(SAVED);
      if (saved) void login(saved, localStorage.getItem(SAVED) !== null, u);
    });
  }, []);

  async function login(token: string, remember: boolean, at = url!) {
    setBusy(true);
    setError(null);
    try {
      const c = await Chat.connect(token, at);
      (remember ? localStorage : sessionStorage).setItem(SAVED, token.trim());
      setChat(c);
    } catch (e) {
      localStorage.removeItem(SAVED);
      sessionStorage.removeItem(SAVED);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function logout() {
    localStorage.removeItem(SAVED);
    sessionStorage.removeItem(SAVED);
    await chat?.close();
    setChat(null);
  }

  if (chat) return <ChatView chat={chat} onLogout={logout} />;
  return <Login url={url} busy={busy} error={error} onLogin={(t, r) => login(t, r)} />;
}

render(<App />, document.getElementById("app")!);
