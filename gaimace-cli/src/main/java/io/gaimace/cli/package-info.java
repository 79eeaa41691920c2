/** Gaimace cli module. */
package io.gaimace.cli;
