package io.gaimace.sdk.internal;

import io.gaimace.sdk.GaimaceException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Blocking waits on API futures for the file transfers' own threads, with retries. */
final class Calls {
  private Calls() {}

  /**
   * Waits for the call; retries it (up to {@code attempts} in all) while failures are transient.
   */
  static <T> T await(Supplier<java.util.concurrent.CompletableFuture<T>> call, int attempts) {
    for (int i = 1; ; i++) {
      try {
        return call.get().join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (i < attempts && Api.isTransient(cause)) {
          continue; // the server treats a repeated chunk or commit as the same request
        }
        if (cause instanceof GaimaceException g) {
          throw g;
        }
        throw new GaimaceException("error", String.valueOf(cause.getMessage()), cause);
      }
    }
  }
}
