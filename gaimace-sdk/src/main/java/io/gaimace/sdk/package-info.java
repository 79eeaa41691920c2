/** Gaimace sdk module. */
package io.gaimace.sdk;
