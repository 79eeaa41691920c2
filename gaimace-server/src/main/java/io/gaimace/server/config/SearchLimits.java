package io.gaimace.server.config;

/**
 * What one {@code search} request may cost: it reads at most {@code maxScanPerDialogue} of the
 * newest messages of each dialogue it covers, and at most {@code maxScanPerRequest} messages in
 * all.
 */
public record SearchLimits(int maxScanPerDialogue, int maxScanPerRequest) {
  /** 2,000 messages per dialogue, 20,000 per request. */
  public static SearchLimits defaults() {
    return new SearchLimits(2_000, 20_000);
  }

  public SearchLimits {
    if (maxScanPerDialogue < 1 || maxScanPerRequest < 1) {
      throw new IllegalArgumentException("search limits must be positive");
    }
  }
}
