/** Gaimace server module. */
package io.gaimace.server;
