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
// Server features the Java test found in the build ("rich": reactions, replies, edits, deletions;
// "files": uploads and downloads); their steps run only with them.
const FEATURES = new Set((process.env.FEATURES || "").split(",").filter(Boolean));
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
    "--disable-dev-shm-usage", // containers often have a small /dev/shm
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

/** The message whose own text starts with `text` (not one quoting it). */
function articleOf(page, text) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.locator("article.msg:not(.streaming)").filter({ has: page.locator(".text", { hasText: new RegExp(`^${escaped}`) }) });
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
  await bob.getByTestId("new-messages").waitFor(); // the line above what he had not read yet
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

  if (FEATURES.has("rich")) await richMessages(alice, bob);
  else console.log("SKIP rich messages: this server has no message.react");
  if (FEATURES.has("files")) await files(alice, bob);
  else console.log("SKIP files: this server has no file.upload.begin");
  if (FEATURES.has("agents")) await agentStreams(alice, bob);
  else console.log("SKIP agent streams: this server has no stream.start");

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
  if (FEATURES.has("rich")) {
    await articleOf(alice, "Hi Alice, Bob here").hover();
    await articleOf(alice, "Hi Alice, Bob here").getByRole("button", { name: "React ❤️" }).click();
  }
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
  // The reaction made while bob was away reached him through recovery (history "events").
  if (FEATURES.has("rich")) await articleOf(bob, "Hi Alice, Bob here").getByRole("button", { name: /^❤️ 1/ }).waitFor();
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

  step("leave: bob leaves the design room; his page reconnects with fewer rights and goes on");
  await bob.locator('button.dialogue[data-dialogue="design"]').click();
  bob.once("dialog", (d) => d.accept());
  await bob.locator(".conv-head").getByRole("button", { name: "Leave" }).click();
  await bob.locator('button.dialogue[data-dialogue="design"]').waitFor({ state: "detached" });
  await bob.getByTestId("connection").filter({ hasText: "Connected" }).waitFor();
  await bob.locator('button.dialogue[data-dialogue="lobby"]').click();
  await bob.getByLabel("Message Lobby").fill("still here after leaving design");
  await bob.getByLabel("Message Lobby").press("Enter");
  await message(alice, "still here after leaving design").waitFor();
  await alice.locator('button.dialogue[data-dialogue="design"]').click();
  await alice.getByRole("button", { name: "Members" }).click();
  await alice.getByTestId("members").locator('button.person[data-user="alice"]').waitFor();
  assert.equal(await alice.getByTestId("members").locator('button.person[data-user="bob"]').count(), 0, "bob left");
  await alice.keyboard.press("Escape");

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

/** Reactions, replies, edits and deletions between the two browsers. */
async function richMessages(alice, bob) {
  const lobby = (p) => p.locator('button.dialogue[data-dialogue="lobby"]');
  const article = articleOf;
  await lobby(alice).click();
  await lobby(bob).click();

  step("reactions: bob reacts 👍 to alice's message; alice adds hers; both see the count");
  await article(bob, "Hello from Alice 👋").hover();
  await article(bob, "Hello from Alice 👋").getByRole("button", { name: "React 👍" }).click();
  const chip = (p) => article(p, "Hello from Alice 👋").getByTestId("reactions").getByRole("button", { name: /^👍/ });
  await chip(alice).filter({ hasText: "1" }).waitFor();
  await chip(alice).click();
  await chip(bob).filter({ hasText: "2" }).waitFor();
  assert.equal(await chip(alice).getAttribute("aria-pressed"), "true");

  step("replies: alice answers bob's message; bob sees the quote");
  await article(alice, "Hi Alice, Bob here").hover();
  await article(alice, "Hi Alice, Bob here").getByRole("button", { name: "Reply" }).click();
  await alice.getByTestId("replying").filter({ hasText: "Bob" }).waitFor();
  await alice.getByLabel("Message Lobby").pressSequentially("Replying to you, Bob");
  await alice.getByLabel("Message Lobby").press("Enter");
  await article(bob, "Replying to you, Bob").getByTestId("reply-quote").filter({ hasText: "Bob: Hi Alice, Bob here" }).waitFor();
  await sdk("expect lobby alice Replying to you, Bob");

  step("edit: alice corrects her reply; bob sees the new text marked (edited)");
  await article(alice, "Replying to you, Bob").hover();
  await article(alice, "Replying to you, Bob").getByRole("button", { name: "Edit" }).click();
  await alice.getByLabel("Edit message").fill("Replying to you, Bob (fixed)");
  await alice.getByLabel("Edit message").press("Enter");
  await article(bob, "Replying to you, Bob (fixed)").getByText("(edited)").waitFor();

  step("threads: bob opens the thread from the quote and answers in it");
  await article(bob, "Replying to you, Bob (fixed)").getByTestId("reply-quote").click();
  const thread = bob.getByTestId("thread");
  await thread.getByText("Hi Alice, Bob here").waitFor();
  await thread.getByText("Replying to you, Bob (fixed)").waitFor();
  await bob.getByLabel("Reply in the thread").fill("and in the thread too");
  await bob.getByLabel("Reply in the thread").press("Enter");
  await thread.getByText("and in the thread too").waitFor();
  assert.equal(await thread.locator("li").count(), 3);
  await article(alice, "and in the thread too").getByTestId("reply-quote").filter({ hasText: "Replying to you, Bob (fixed)" }).waitFor();
  await shot(bob, "thread");
  await bob.keyboard.press("Escape");
  await bob.getByRole("dialog").waitFor({ state: "detached" });

  step("delete: bob deletes a message; alice sees it deleted");
  await bob.getByLabel("Message Lobby").fill("oops, wrong room");
  await bob.getByLabel("Message Lobby").press("Enter");
  await message(alice, "oops, wrong room").waitFor();
  bob.once("dialog", (d) => d.accept());
  await article(bob, "oops, wrong room").hover();
  await article(bob, "oops, wrong room").getByRole("button", { name: "Delete" }).click();
  await message(alice, "oops, wrong room").waitFor({ state: "detached" });
  await alice.getByText("This message was deleted.").waitFor();
  await shot(bob, "rich");
}

/** Upload with the file picker and by drag and drop; image preview; download checked byte for byte. */
async function files(alice, bob) {
  step("files: alice attaches an image and a text file; bob sees the preview and downloads the file");
  await alice.locator('button.dialogue[data-dialogue="lobby"]').click();
  await bob.locator('button.dialogue[data-dialogue="lobby"]').click();
  const png = Buffer.from(
    await alice.evaluate(() => {
      const c = document.createElement("canvas");
      c.width = 160;
      c.height = 90;
      const g = c.getContext("2d");
      g.fillStyle = "#4f46e5";
      g.fillRect(0, 0, 160, 90);
      g.fillStyle = "#fff";
      g.font = "24px sans-serif";
      g.fillText("chart", 45, 55);
      return c.toDataURL("image/png").split(",")[1];
    }),
    "base64",
  );
  const notes = "Gaimace notes\n".repeat(20_000); // 280 KB: three chunks
  await alice.getByTestId("file-input").setInputFiles([
    { name: "chart.png", mimeType: "image/png", buffer: png },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from(notes) },
  ]);
  await alice.getByTestId("staged-file").filter({ hasText: "notes.txt" }).waitFor();
  await alice.getByLabel("Message Lobby").fill("the chart and my notes");
  await alice.getByLabel("Message Lobby").press("Enter");
  const img = bob.locator('article.msg img.preview[alt="chart.png"]');
  await img.waitFor();
  await bob.waitForFunction((el) => el.complete && el.naturalWidth === 160, await img.elementHandle());
  const [download] = await Promise.all([
    bob.waitForEvent("download"),
    bob.getByRole("button", { name: /^Download notes\.txt/ }).click(),
  ]);
  const { readFile } = await import("node:fs/promises");
  assert.equal(await readFile(await download.path(), "utf8"), notes, "the downloaded file is the uploaded one");
  assert.equal(download.suggestedFilename(), "notes.txt");
  await sdk("expect lobby alice the chart and my notes");
  await sdk("fetch notes.txt"); // the Java SDK user downloads it too, byte for byte
  await shot(bob, "files");

  step("drag and drop: bob drops a file on the conversation and sends it; alice downloads it");
  await bob.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["dropped by bob\n"], "dropped.txt", { type: "text/plain" }));
    const target = document.querySelector(".conversation");
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await bob.getByTestId("staged-file").filter({ hasText: "dropped.txt" }).waitFor();
  await bob.getByLabel("Message Lobby").press("Enter");
  const [dropped] = await Promise.all([
    alice.waitForEvent("download"),
    alice.getByRole("button", { name: /^Download dropped\.txt/ }).click(),
  ]);
  assert.equal(await readFile(await dropped.path(), "utf8"), "dropped by bob\n");
  await sdk("fetch dropped.txt");

  step("the Java SDK user shares a file; alice downloads it");
  await sdk("file lobby report.txt");
  const [report] = await Promise.all([
    alice.waitForEvent("download"),
    alice.getByRole("button", { name: /^Download report\.txt/ }).click(),
  ]);
  assert.equal(await readFile(await report.path(), "utf8"), "Report from sage\n".repeat(5_000));
  await articleOf(alice, "today's report").waitFor();
}

/** An agent's reply streaming in (the Java SDK user streams), and a human stopping one. */
async function agentStreams(alice, bob) {
  step("agent streaming: sage's reply grows live in both browsers, then is stored as a message");
  await alice.locator('button.dialogue[data-dialogue="lobby"]').click();
  await bob.locator('button.dialogue[data-dialogue="lobby"]').click();
  await sdk("stream-start lobby Water the seeds");
  await bob.getByTestId("streaming").filter({ hasText: "Water the seeds" }).waitFor();
  await alice.getByTestId("streaming").filter({ hasText: "Water the seeds" }).waitFor();
  await shot(bob, "streaming");
  await sdk("stream-end  at dawn 🌱.");
  await articleOf(bob, "Water the seeds at dawn 🌱.").waitFor();
  await articleOf(alice, "Water the seeds at dawn 🌱.").waitFor();
  await bob.getByTestId("streaming").waitFor({ state: "detached" });

  step("a human stops an agent's reply: it disappears everywhere and the agent cannot go on");
  await sdk("stream-start lobby Once upon a time");
  await alice.getByTestId("streaming").filter({ hasText: "Once upon a time" }).waitFor();
  await bob.getByTestId("streaming").getByRole("button", { name: "Stop" }).click();
  await alice.getByTestId("streaming").waitFor({ state: "detached" });
  await bob.getByTestId("streaming").waitFor({ state: "detached" });
  await sdk("stream-cancelled");
  assert.equal(await message(alice, "Once upon a time").count(), 0, "a stopped reply is not stored");
}
