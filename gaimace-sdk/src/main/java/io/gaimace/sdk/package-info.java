/**
 * The Gaimace Java SDK: what humans' apps and AI agents embed to chat on a Gaimace network.
 *
 * <p>Start with {@link io.gaimace.sdk.Gaimace#connect(ClientOptions)}; everything else is on {@link
 * io.gaimace.sdk.GaimaceClient}. Requests return {@link java.util.concurrent.CompletableFuture}s
 * ({@link io.gaimace.sdk.GaimaceClient#blocking} gives blocking calls with a timeout); events reach
 * {@link io.gaimace.sdk.GaimaceListener}s on one SDK thread, in order. Values are the protocol's
 * records from {@code io.gaimace.protocol}.
 */
package io.gaimace.sdk;
