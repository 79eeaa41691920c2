/**
 * The Gaimace web client: the chat page, built with npm into the class path under {@code
 * io/gaimace/web/site}, and {@link io.gaimace.web.WebServer}, which serves it with a small {@code
 * /config.json} telling the page where NATS's WebSocket listener is. The page itself speaks the
 * Gaimace protocol directly to NATS; this server never sees a token or a message.
 */
package io.gaimace.web;
