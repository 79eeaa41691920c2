package io.gaimace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands end to end, against a real nats-server and Gaimace server. */
class AdminCommandsTest {
  private static final Pattern TOKEN_ID = Pattern.compile("created token (\\S+) for");

  @TempDir static Path dir;
  static CliEnv env;

  @BeforeAll
  static void start() throws Exception {
    env = CliEnv.start(dir);
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void addsListsAndRemovesUsers() {
    Cli.Result added =
        env.admin("user", "add", "ursula", "--name", "Ursula K.", "--kind", "agent", "--admin");
    assertThat(added.exitCode()).as(added.toString()).isZero();
    assertThat(added.out()).contains("added agent user 'ursula' (Ursula K.) with the admin role");

    Cli.Result list = env.admin("user", "list");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.firstLine()).startsWith("USER").contains("NAME", "KIND", "ADMIN", "CREATED");
    assertThat(list.out()).containsPattern("(?m)^ursula +Ursula K\\. +agent +yes ");
    assertThat(list.out()).containsPattern("(?m)^admin +");

    Cli.Result removed = env.admin("user", "remove", "ursula");
    assertThat(removed.exitCode()).as(removed.toString()).isZero();
    assertThat(removed.out()).contains("ursula");
    assertThat(env.admin("user", "list").out()).doesNotContain("ursula");
  }

  @Test
  void duplicateUserIsRefusedWithExitCodeOne() {
    assertThat(env.admin("user", "add", "dora").exitCode()).isZero();

    Cli.Result again = env.admin("user", "add", "dora");

    assertThat(again.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(again.err()).startsWith("error [conflict]: ").contains("dora");
    assertThat(again.out()).isEmpty();
  }

  @Test
  void createdTokenConnectsUntilRevoked() throws Exception {
    assertThat(env.admin("user", "add", "tom").exitCode()).isZero();

    Cli.Result created = env.admin("token", "create", "tom", "--label", "laptop", "--ttl", "30d");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.out().lines()).hasSize(1);
    String token = created.firstLine();
    Matcher id = TOKEN_ID.matcher(created.err());
    assertThat(id.find()).as(created.err()).isTrue();
    assertThat(created.err()).contains("'tom'", "expires ");

    Path tokenFile = Files.writeString(dir.resolve("tom.token"), token + "\n");
    Cli.Result me = env.as("tom", tokenFile, "whoami");
    assertThat(me.exitCode()).as(me.toString()).isZero();
    assertThat(me.out()).startsWith("tom (tom)").doesNotContain("admin");

    Cli.Result tokens = env.admin("token", "list", "tom");
    assertThat(tokens.exitCode()).as(tokens.toString()).isZero();
    assertThat(tokens.out())
        .containsPattern(
            "(?m)^" + Pattern.quote(id.group(1)) + " +tom +laptop +\\S+ +\\S+ +active$")
        .doesNotContain(token);

    Cli.Result revoked = env.admin("token", "revoke", id.group(1));
    assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
    assertThat(env.admin("token", "list", "tom").out()).contains("revoked");

    Cli.Result refused = env.as("tom", tokenFile, "whoami");
    assertThat(refused.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(refused.err()).contains("token refused");
  }

  @Test
  void revokingAnUnknownTokenIsNotFound() {
    Cli.Result result = env.admin("token", "revoke", "no-such-token");
    assertThat(result.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(result.err()).startsWith("error [not_found]: ");
  }

  @Test
  void createsListsAndFillsRooms() {
    assertThat(env.admin("user", "add", "amy").exitCode()).isZero();
    assertThat(env.admin("user", "add", "ben").exitCode()).isZero();

    Cli.Result created =
        env.admin(
            "room",
            "create",
            "garden",
            "--name",
            "The Garden",
            "--topic",
            "plants",
            "--public",
            "--member",
            "amy");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.out())
        .contains("created public room 'garden' (The Garden), owner 'admin', members amy");

    Cli.Result rooms = env.admin("room", "list");
    assertThat(rooms.exitCode()).as(rooms.toString()).isZero();
    assertThat(rooms.out()).containsPattern("(?m)^garden +The Garden +public +owner +plants$");

    Cli.Result added = env.admin("room", "add-member", "garden", "ben");
    assertThat(added.exitCode()).as(added.toString()).isZero();
    assertThat(added.out()).contains("ben", "garden");

    Cli.Result members = env.admin("room", "members", "garden");
    assertThat(members.exitCode()).as(members.toString()).isZero();
    assertThat(members.out())
        .containsPattern("(?m)^admin +owner ")
        .containsPattern("(?m)^amy +member ")
        .containsPattern("(?m)^ben +member ");

    Cli.Result again = env.admin("room", "create", "garden");
    assertThat(again.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(again.err()).startsWith("error [conflict]: ");
  }

  @Test
  void nonAdminIsForbidden() throws Exception {
    assertThat(env.admin("user", "add", "nina").exitCode()).isZero();
    String token = env.admin("token", "create", "nina").firstLine();
    Path tokenFile = Files.writeString(dir.resolve("nina.token"), token);

    Cli.Result result = env.as("nina", tokenFile, "user", "list");

    assertThat(result.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(result.err()).startsWith("error [forbidden]: ");
  }

  @Test
  void userIdIsReadFromTheToken() throws Exception {
    assertThat(env.admin("user", "add", "theo").exitCode()).isZero();
    Path tokenFile =
        Files.writeString(
            dir.resolve("theo.token"), env.admin("token", "create", "theo").firstLine());

    Cli.Result me =
        Cli.run("whoami", "--nats-url", env.natsUrl(), "--token-file", tokenFile.toString());

    assertThat(me.exitCode()).as(me.toString()).isZero();
    assertThat(me.out()).startsWith("theo (theo)");
  }

  @Test
  void unreachableNatsExitsWithThree() {
    String url = "nats://127.0.0.1:" + CliEnv.unusedPort();

    Cli.Result result = Cli.run("user", "list", "--nats-url", url, "--token", "whatever");

    assertThat(result.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(result.err()).contains("cannot reach NATS at " + url, "is the server running?");
  }

  @Test
  void wrongTokenExitsWithThree() {
    Cli.Result result =
        Cli.run("whoami", "--nats-url", env.natsUrl(), "--token", "gmc_not-a-real-token");

    assertThat(result.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(result.err()).contains("token refused");
  }

  @Test
  void userOtherThanTheTokensIsExplained() throws Exception {
    Path adminToken = env.dir().resolve("admin.token");

    Cli.Result result = env.as("someone-else", adminToken, "whoami");

    assertThat(result.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(result.err()).contains("--user must be the token's user id");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(Cli.run("user", "add").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Cli.run("user").exitCode()).isEqualTo(ExitCode.USAGE);
    Cli.Result badTtl = env.admin("token", "create", "admin", "--ttl", "soon");
    assertThat(badTtl.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(badTtl.err()).contains("'soon' is not a duration");
    Cli.Result noFile =
        Cli.run("user", "list", "--token-file", dir.resolve("missing.token").toString());
    assertThat(noFile.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(noFile.err()).contains("cannot read the token file");
  }
}
