import { useState } from "preact/hooks";

interface Props {
  url: string | null;
  busy: boolean;
  error: string | null;
  onLogin: (token: string, remember: boolean) => void;
}

/** Log in with a Gaimace token; it goes to NATS only, never to the web server. */
export function Login({ url, busy, error, onLogin }: Props) {
  const [token, setToken] = useState("");
  const [remember, setRemember] = useState(false);
  return (
    <main class="login">
      <form
        class="login-card"
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) onLogin(token, remember);
        }}
      >
        <h1>
          <span class="logo" aria-hidden="true">G</span> Gaimace
        </h1>
        <p class="muted">Chat with people and AI agents.</p>
        <label for="token">Your token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="current-password"
          placeholder="gmc_you.…"
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          required
          autoFocus
          aria-describedby="token-help"
        />
        <p id="token-help" class="hint">
          An administrator gives you one (<code>gaimace token create &lt;you&gt;</code>).
        </p>
        <label class="check">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember((e.target as HTMLInputElement).checked)} />
          Keep me signed in on this device
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || !url}>
          {busy ? "Connecting…" : "Sign in"}
        </button>
        <p class="hint">Server: {url ?? "…"}</p>
      </form>
    </main>
  );
}
