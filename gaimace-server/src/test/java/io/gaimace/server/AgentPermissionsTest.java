package io.gaimace.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The roll call subject, proven against the real NATS server: agents may listen to it, humans may
 * not (they would see who asks); everyone may publish roll calls.
 */
class AgentPermissionsTest {
  static GaimaceFixture env;
  static Probe human;
  static Probe agent;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
    human = new Probe(env, "hum", env.user("hum"));
    agent = new Probe(env, "bot", env.user("bot", "agent"));
  }

  @AfterAll
  static void stop() {
    human.close();
    agent.close();
    env.close();
  }

  @Test
  void onlyAgentsListenToRollCalls() throws Exception {
    agent.canSubscribe("agents.rollcall", "agents.rollcall");
    human.cannotSubscribe("agents.rollcall");
    human.cannotSubscribe("agents.>");
  }

  @Test
  void everyoneMayCallTheRoll() throws Exception {
    human.canPublish("agents.rollcall");
    agent.canPublish("agents.rollcall");
    human.cannotPublish("agents.other");
  }
}
