package io.gaimace.server.auth;

import io.nats.client.support.JsonSerializable;
import io.nats.client.support.JsonUtils;

/** The {@code nats} claim of the callout's answer: the user JWT, or the reason for refusal. */
record AuthResponse(String jwt, String error) implements JsonSerializable {
  @Override
  public String toJson() {
    StringBuilder sb = JsonUtils.beginJson();
    JsonUtils.addField(sb, "jwt", jwt);
    JsonUtils.addField(sb, "error", error);
    JsonUtils.addField(sb, "type", "authorization_response");
    JsonUtils.addField(sb, "version", 2);
    return JsonUtils.endJson(sb).toString();
  }
}
