/** Gaimace protocol module. */
package io.gaimace.protocol;
