package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ServerTest {

    @TempDir
    Path home;

    @Test
    void theServerListensOnTheBindAddressConfinedToTheDataDirectory() {
        StackSettings settings = StackSettingsTest.settings(Map.of("SHOP_HOME", "/tmp/shop", "H2_PORT", "19095"));

        assertThat(new H2Server(settings, List.of("order-service")).arguments())
                .contains("-Dh2.bindAddress=127.0.0.1", "org.h2.tools.Server")
                .containsSequence("-tcpPort", "19095")
                .containsSequence("-baseDir", Path.of("/tmp/shop/data").toString())
                .doesNotContain("-ifNotExists", "-tcpAllowOthers");
        assertThat(H2Server.url(settings, "order-service"))
                .startsWith("jdbc:h2:tcp://127.0.0.1:19095/order-service/db;");
    }

    @Test
    void theOptionsAreTheLocalProfiles() throws IOException {
        String defaults = Files.readString(Path.of("../platform-starter/src/main/resources/shopstack-defaults.yml"));

        assertThat(defaults).contains("/${spring.application.name}/db" + H2Server.URL_OPTIONS + "\n");
    }

    @Test
    void theInstancesShareAPreparedDatabaseThatOutlivesEitherAndNoClientCreatesOne() throws Exception {
        StackSettings settings = StackSettingsTest.settings(
                Map.of("SHOP_HOME", home.toString(), "H2_PORT", Integer.toString(freePort())));
        H2Server h2 = new H2Server(settings, List.of("order-service"));
        h2.prepare(LocalStack.javaExecutable());
        assertThat(settings.dataDir().resolve("order-service").resolve("db.mv.db"))
                .isRegularFile();
        List<String> command =
                new ArrayList<>(List.of(LocalStack.javaExecutable().toString()));
        command.addAll(h2.arguments());
        var server = new ManagedProcess(H2Server.NAME, () -> command, Map.of(), home.resolve("h2.log"));
        server.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Probe.portOpen(
                            settings.hostAddress(), settings.ports().h2()));
            String url = H2Server.url(settings, "order-service");
            try (Connection second = DriverManager.getConnection(url, "sa", "");
                    Statement statement = second.createStatement()) {
                try (Connection first = DriverManager.getConnection(url, "sa", "")) {
                    first.createStatement().execute("create table orders (id int primary key)");
                    first.createStatement().execute("insert into orders values (1)");
                }
                // the first instance is gone; the second still writes and reads
                statement.execute("insert into orders values (2)");
                try (ResultSet rows = statement.executeQuery("select count(*) from orders")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(2);
                }
            }
            assertThatThrownBy(() -> DriverManager.getConnection(H2Server.url(settings, "unknown"), "sa", "")
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("not found");
            assertThat(settings.dataDir().resolve("unknown")).doesNotExist();
        } finally {
            server.stop(Duration.ofSeconds(10));
        }
        assertThat(server.isAlive()).isFalse();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
