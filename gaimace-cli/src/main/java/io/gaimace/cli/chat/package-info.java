/**
 * {@code gaimace chat}: the terminal chat client, on the SDK and JLine.
 *
 * <p>Threads: the terminal's reader runs on the main thread and only reads lines and reports
 * typing; everything else (commands, SDK events, output, state) runs on one {@link
 * io.gaimace.cli.chat.Chat} thread, so the state needs no locks and output keeps its order. Pure
 * pieces ({@link io.gaimace.cli.chat.CommandParser}, {@link io.gaimace.cli.chat.Shortcodes}, {@link
 * io.gaimace.cli.chat.LineFormatter}, {@link io.gaimace.cli.chat.StatusLine}) know nothing of the
 * terminal or the network.
 */
package io.gaimace.cli.chat;
