/**
 * The {@code gaimace} command: {@link io.gaimace.cli.Main} is the entry point, {@link
 * io.gaimace.cli.GaimaceCommand} the root of the picocli command tree. Subpackages hold the
 * commands by concept: {@code server} (init, run the server), {@code chat} (the terminal chat
 * client) and {@code admin} (users, tokens and rooms over the API).
 */
package io.gaimace.cli;
