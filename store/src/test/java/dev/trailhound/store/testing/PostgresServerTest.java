package dev.trailhound.store.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private final PostgresServer server = PostgresServer.shared();

    @Test
    void gives_each_caller_a_fresh_empty_database() throws SQLException {
        String first = server.newDatabase("first");
        String second = server.newDatabase("first");

        assertThat(first).isNotEqualTo(second).startsWith("jdbc:postgresql://");
        try (Connection one = connect(first); Connection two = connect(second)) {
            execute(one, "create table threats (id bigint primary key, name text not null)");
            execute(one, "insert into threats values (1, 'credential stuffing')");

            assertThat(tableExists(one, "threats")).isTrue();
            assertThat(tableExists(two, "threats")).isFalse();
            assertThat(publicTableCount(two)).isZero();
        }
    }

    @Test
    void is_a_real_postgresql_server() throws SQLException {
        try (Connection connection = connect(server.newDatabase("version"));
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("PostgreSQL");
        }
    }

    @Test
    void is_the_same_server_for_every_caller_in_the_jvm() {
        assertThat(PostgresServer.shared()).isSameAs(server);
    }

    @Test
    void turns_any_hint_into_a_valid_database_name() throws SQLException {
        String url = server.newDatabase("Weird hint: \"quotes\"; DROP -- and a very long tail " + "x".repeat(100));

        String name = url.substring(url.lastIndexOf('/') + 1);
        assertThat(name).matches("[a-z][a-z0-9_]*").hasSizeLessThanOrEqualTo(63);
        try (Connection connection = connect(url)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, server.user(), server.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select to_regclass('public." + table + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static int publicTableCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select count(*) from information_schema.tables where table_schema = 'public'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
