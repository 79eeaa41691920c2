/** Gaimace testing module. */
package io.gaimace.testing;
