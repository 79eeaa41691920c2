// Two people chat in the Gaimace web page, in real headless Chromium driven by playwright-core,
// with each other and with a Java SDK user ("sage", an agent) that the JUnit test
// (io.gaimace.web.BrowserChatTest) runs. Steps print "STEP ..."; a line "@sdk <command>" asks the
// Java side to act as sage and waits for its "ok" (or "fail <reason>") on stdin.
//
// Environment: WEB_URL, ALICE_TOKEN, BOB_TOKEN, WEB_DIR (where node_modules is), SCREENSHOTS
// (a folder, or empty for none), CHROMIUM (default /usr/bin/chromium).

import { createRequire } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";
import assert from "node:assert/strict";

const require = createRequire(join(process.env.WEB_DIR, "package.json"));
const { chromium } = require("playwright-core");

const WEB_URL = process.env.WEB_URL;
const SHOTS = process.env.SCREENSHOTS || "";
const T = 15_000;

// ---- the control channel to the Java test ----
const replies = [];
const waiting = [];
createInterface({ input: process.stdin }).on("line", (line) => {
  const w = waiting.shift();
  if (w) w(line);
  else replies.push(line);
});
async function sdk(command) {
  console.log(`@sdk ${command}`);
  const line = replies.shift() ?? (await new Promise((r) => waiting.push(r)));
  if (line !== "ok") throw new Error(`sdk ${command}: ${line}`);
}

let stepNo = 0;
function step(text) {
  console.log(`STEP ${++stepNo}: ${text}`);
}

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

// launch() gives the browser a fresh, temporary profile (user data dir) of its own.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

// The exit is explicit: the open stdin of the control channel would keep node running.
let failed = false;
try {
  await run();
  console.log("E2E PASSED");
} catch (e) {
  failed = true;
  console.log(`E2E FAILED: ${e.stack ?? e}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

async function signIn(page, token) {
  await page.goto(WEB_URL);
  await page.getByLabel("Your token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("connection").filter({ hasText: "Connected" }).waitFor({ timeout: T });
}

function message(page, text) {
  return page.locator("article.msg .text", { hasText: text });
}

async function run() {
  const viewport = { width: 1280, height: 800 };
  const aliceCtx = await browser.newContext({ viewport });
  const bobCtx = await browser.newContext({ viewport });
  for (const ctx of [aliceCtx, bobCtx]) ctx.setDefaultTimeout(T);

  // Bob's WebSocket goes through Playwright's WebSocket routing (a plain relay to NATS), so the
  // test can cut it, as a network failure would, and refuse reconnects for a while.
  let bobCut = false;
  const bobSockets = new Set();
  await bobCtx.routeWebSocket(/.*/, (ws) => {
    if (bobCut) {
      ws.close({ code: 1001, reason: "network down (test)" });
      return;
    }
    const server = ws.connectToServer();
    bobSockets.add({ ws, server });
  });

  const alice = await aliceCtx.newPage();
  const bob = await bobCtx.newPage();
  for (const [who, p] of [["alice", alice], ["bob", bob]]) {
    p.on("pageerror", (e) => console.log(`[${who} page error] ${e.message}`));
    p.on("console", (m) => m.type() === "error" && console.log(`[${who} console] ${m.text()}`));
  }

  step("the log-in page refuses a bad token with a clear message");
  await alice.goto(WEB_URL);
  await shot(alice, "login");
  await alice.getByLabel("Your token").fill("gmc_alice.not-the-right-secret");
  await alice.getByRole("button", { name: "Sign in" }).click();
  await alice.getByRole("alert").filter({ hasText: "refused" }).waitFor();

  step("alice and bob sign in with their tokens; the lobby opens with its newest page");
  await signIn(alice, process.env.ALICE_TOKEN);
  await signIn(bob, process.env.BOB_TOKEN);
  await message(alice, "seed 80").waitFor();
  const firstPage = await alice.locator("article.msg").count();
  assert.ok(firstPage >= 50 && firstPage < 80, `newest page only, got ${firstPage}`);
  await alice.getByTestId("day").filter({ hasText: "Today" }).first().waitFor();

  step("scrolling up loads older history until the beginning");
  for (let i = 0; i < 10 && !(await alice.getByText("This is the beginning of the conversation.").isVisible()); i++) {
    await alice.getByTestId("messages").evaluate((el) => (el.scrollTop = 0));
    await alice.waitForTimeout(300);
  }
  await message(alice, "seed 1").first().waitFor();
  assert.equal(await alice.locator("article.msg").count(), 80);
  await alice.getByTestId("messages").evaluate((el) => (el.scrollTop = el.scrollHeight));

  step("presence: alice sees bob online in the directory; agents are marked");
  await alice.getByRole("button", { name: "People directory" }).click();
  const dir = alice.getByTestId("directory");
  await dir.locator('[data-user="bob"] [data-presence="online"]').waitFor();
  await dir.locator('[data-user="sage"]').getByText("agent").waitFor();
  await shot(alice, "directory");
  await alice.keyboard.press("Escape");
  await alice.getByRole("dialog").waitFor({ state: "detached" });

  step("typing: bob sees 'Alice is typing…' while she writes");
  const aliceBox = alice.getByLabel("Message Lobby");
  await aliceBox.click();
  await aliceBox.pressSequentially("Hello from Alice 👋", { delay: 10 });
  await bob.getByTestId("typing").filter({ hasText: "Alice Liddell is typing…" }).waitFor();
  await shot(bob, "typing");

  step("alice sends with Enter; bob and the Java SDK user receive it");
  await aliceBox.press("Enter");
  await message(bob, "Hello from Alice 👋").waitFor();
  await bob.getByTestId("typing").filter({ hasText: /^$/ }).waitFor();
  await sdk("expect lobby alice Hello from Alice 👋");

  step("bob answers; alice has read it, so bob sees 'Seen by Alice'");
  const bobBox = bob.getByLabel("Message Lobby");
  await bobBox.fill("Hi Alice, Bob here");
  await bobBox.press("Enter");
  await message(alice, "Hi Alice, Bob here").waitFor();
  await bob.getByTestId("seen-by").filter({ hasText: "Alice Liddell" }).waitFor();
  await sdk("expect lobby bob Hi Alice, Bob here");

  step("the Java SDK user writes in the lobby; both browsers show it");
  await sdk("send lobby Good morning from the Java SDK 🌱");
  await message(alice, "Good morning from the Java SDK 🌱").waitFor();
  await message(bob, "Good morning from the Java SDK 🌱").waitFor();

  step("a direct message from the SDK user shows an unread badge; opening it clears the badge");
  await sdk("dm alice psst, alice: a private word");
  const dmItem = alice.locator('button.dialogue[data-dialogue="alice+sage"]');
  await dmItem.getByTestId("unread").filter({ hasText: "1" }).waitFor();
  await shot(alice, "chat");
  await dmItem.click();
  await message(alice, "psst, alice: a private word").waitFor();
  await dmItem.getByTestId("unread").waitFor({ state: "detached" });
  await alice.getByLabel("Message Sage").fill("Thanks, sage");
  await alice.getByLabel("Message Sage").press("Enter");
  await sdk("expect alice+sage alice Thanks, sage");

  step("emoji picker: alice inserts 🎉 with the picker and sends it to the lobby");
  await alice.locator('button.dialogue[data-dialogue="lobby"]').click();
  await alice.getByRole("button", { name: "Insert emoji" }).click();
  await alice.getByRole("dialog", { name: "Emoji" }).getByRole("button", { name: "🎉" }).click();
  await alice.getByLabel("Message Lobby").press("End");
  await alice.getByLabel("Message Lobby").pressSequentially(" party");
  await alice.getByLabel("Message Lobby").press("Enter");
  await message(bob, "🎉 party").waitFor();

  step("rooms: alice creates a public room; bob finds it, joins it, and they talk there");
  await alice.getByRole("button", { name: "Create a room" }).click();
  await alice.getByLabel("Room id").fill("design");
  await alice.getByLabel("Name").fill("Design");
  await alice.getByLabel("Topic").fill("Shapes and colours");
  await alice.getByRole("button", { name: "Create room" }).click();
  await alice.locator("#conv-title").filter({ hasText: "Design" }).waitFor();
  await bob.getByRole("button", { name: "Browse and join rooms" }).click();
  await bob.getByRole("button", { name: "Join Design" }).click();
  await bob.locator("#conv-title").filter({ hasText: "Design" }).waitFor();
  await bob.getByTestId("connection").filter({ hasText: "Connected" }).waitFor();
  await bob.getByLabel("Message Design").fill("Joined! Blue or green?");
  await bob.getByLabel("Message Design").press("Enter");
  await message(alice, "Joined! Blue or green?").waitFor();
  await alice.getByLabel("Message Design").fill("Green, always");
  await alice.getByLabel("Message Design").press("Enter");
  await message(bob, "Green, always").waitFor();

  step("mentions: alice picks @bob from the suggestions; bob gets an @ badge and a highlighted message");
  await alice.locator('button.dialogue[data-dialogue="lobby"]').click();
  const lobbyBox = alice.getByLabel("Message Lobby");
  await lobbyBox.pressSequentially("@bo");
  await alice.getByRole("option", { name: /Bob/ }).waitFor();
  await lobbyBox.press("Tab");
  await lobbyBox.pressSequentially("can you review the colours?");
  assert.equal(await lobbyBox.inputValue(), "@bob can you review the colours?");
  await lobbyBox.press("Enter");
  await sdk("expect lobby alice @bob can you review the colours?");
  const bobLobby = bob.locator('button.dialogue[data-dialogue="lobby"]');
  await bobLobby.getByTestId("mentions").waitFor();
  await shot(bob, "mention");
  await bobLobby.click();
  await bob.locator("article.msg.mentioned", { hasText: "can you review the colours?" }).waitFor();
  await bobLobby.getByTestId("mentions").waitFor({ state: "detached" });

  step("search finds the message; the room's members show roles and agents");
  await alice.getByRole("button", { name: "Search messages" }).click();
  await alice.getByLabel("Words to find").fill("colours");
  await alice.getByLabel("Words to find").press("Enter");
  await alice.getByTestId("search-results").getByText("can you review the colours?").waitFor();
  await shot(alice, "search");
  await alice.keyboard.press("Escape");
  await alice.getByRole("button", { name: "Members" }).click();
  const members = alice.getByTestId("members");
  await members.locator('[data-user="sage"]').getByText("owner").waitFor();
  await members.locator('[data-user="sage"]').getByText("agent").waitFor();
  await members.locator('button.person[data-user="bob"]').waitFor();
  await shot(alice, "members");
  await alice.keyboard.press("Escape");
  await alice.getByRole("dialog").waitFor({ state: "detached" });

  step("recovery: bob's connection drops; messages sent meanwhile appear after the reconnect");
  await bob.locator('button.dialogue[data-dialogue="lobby"]').click();
  await alice.locator('button.dialogue[data-dialogue="lobby"]').click();
  bobCut = true;
  for (const { ws, server } of bobSockets) {
    await server.close().catch(() => {});
    await ws.close().catch(() => {});
  }
  bobSockets.clear();
  await bob.getByTestId("connection").filter({ hasText: "reconnecting" }).waitFor();
  // Written while offline: kept as "Sending…" and sent once the connection is back.
  await bob.getByLabel("Message Lobby").fill("written while offline");
  await bob.getByLabel("Message Lobby").press("Enter");
  await bob.getByTestId("pending").filter({ hasText: "written while offline" }).waitFor();
  await shot(bob, "reconnecting");
  // Alice opens her DM with bob: his presence dot turns offline after the server's grace period.
  await alice.getByRole("button", { name: "People directory" }).click();
  await alice.getByTestId("directory").locator('button.person[data-user="bob"]').click();
  await alice.locator('.conv-head [data-presence="offline"][data-user="bob"]').waitFor();
  await alice.getByTestId("subtitle").filter({ hasText: "last seen" }).waitFor();
  await sdk("send lobby missed one");
  await sdk("send lobby missed two");
  await alice.locator('button.dialogue[data-dialogue="lobby"]').click();
  await alice.getByLabel("Message Lobby").fill("missed three");
  await alice.getByLabel("Message Lobby").press("Enter");
  await message(alice, "missed three").waitFor();
  bobCut = false;
  await bob.getByTestId("connection").filter({ hasText: "Connected" }).waitFor({ timeout: 30_000 });
  for (const text of ["missed one", "missed two", "missed three"]) await message(bob, text).waitFor();
  const order = await bob.locator("article.msg .text").allTextContents();
  const at = (t) => order.indexOf(t);
  assert.ok(at("missed one") < at("missed two") && at("missed two") < at("missed three"), "in order");
  assert.equal(order.filter((t) => t === "missed two").length, 1, "no duplicates");
  await alice.locator('button.dialogue[data-dialogue="alice+bob"] [data-presence="online"]').waitFor();
  await message(alice, "written while offline").waitFor();
  await bob.getByTestId("pending").waitFor({ state: "detached" });
  await sdk("expect lobby bob written while offline");
  assert.equal(await message(alice, "written while offline").count(), 1, "sent once");
  assert.equal(await message(bob, "written while offline").count(), 1, "shown once");

  step("keyboard only: alice reaches the lobby and the composer with Tab and sends with Enter");
  // From the page's top, Tab reaches the lobby, Enter opens it, Tab reaches the composer.
  await alice.evaluate(() => document.activeElement.blur());
  let found = false;
  for (let i = 0; i < 30 && !found; i++) {
    await alice.keyboard.press("Tab");
    found = await alice.evaluate(() => document.activeElement?.getAttribute("data-dialogue") === "lobby");
  }
  assert.ok(found, "Tab reaches the lobby");
  await alice.keyboard.press("Enter");
  found = false;
  for (let i = 0; i < 10 && !found; i++) {
    await alice.keyboard.press("Tab");
    found = await alice.evaluate(() => document.activeElement?.id === "composer-text");
  }
  assert.ok(found, "Tab reaches the composer");
  await alice.keyboard.type("typed without a mouse");
  await alice.keyboard.press("Enter");
  await message(bob, "typed without a mouse").waitFor();

  step("profile: alice renames herself; bob sees the new name at once");
  await alice.getByRole("button", { name: "Edit your profile" }).click();
  await alice.getByLabel("Name").fill("Alice L.");
  await alice.getByLabel("About you").fill("Curious, and now renamed.");
  await alice.getByRole("button", { name: "Save" }).click();
  await alice.getByRole("dialog").waitFor({ state: "detached" });
  await bob.locator("article.msg .who strong", { hasText: "Alice L." }).first().waitFor();

  step("phone-sized screen: the list, then one conversation with a back button");
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  phone.setDefaultTimeout(T);
  const bobPhone = await phone.newPage();
  await signIn(bobPhone, process.env.BOB_TOKEN);
  await bobPhone.locator('button.dialogue[data-dialogue="lobby"]').waitFor();
  assert.equal(await bobPhone.locator(".conversation").count(), 0, "only the list at first");
  await shot(bobPhone, "phone-list");
  await bobPhone.locator('button.dialogue[data-dialogue="lobby"]').tap();
  await message(bobPhone, "typed without a mouse").waitFor();
  assert.equal(await bobPhone.locator(".sidebar").isVisible(), false, "the list is hidden");
  const box = await bobPhone.locator(".conversation").boundingBox();
  assert.ok(box.width <= 390, `fits the screen (${box.width})`);
  await shot(bobPhone, "phone-chat");
  await bobPhone.getByRole("button", { name: "Back to conversations" }).tap();
  await bobPhone.locator(".sidebar").waitFor();
  await phone.close();

  await shot(alice, "chat-desktop");
}
