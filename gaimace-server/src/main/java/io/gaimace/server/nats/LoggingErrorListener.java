package io.gaimace.server.nats;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends jnats' asynchronous errors to the log instead of standard error. */
final class LoggingErrorListener implements ErrorListener {
  private static final Logger LOG = LoggerFactory.getLogger("io.gaimace.server.nats");

  @Override
  public void errorOccurred(Connection conn, String error) {
    LOG.warn("{}: {}", conn.getOptions().getConnectionName(), error);
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    LOG.warn("{}: {}", conn.getOptions().getConnectionName(), exp.toString(), exp);
  }
}
