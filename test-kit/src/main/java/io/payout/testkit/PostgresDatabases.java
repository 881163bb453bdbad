package io.payout.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates and drops databases on a running server through its always-present {@code postgres} database. */
final class PostgresDatabases {

    private final String adminJdbcUrl;
    private final String superuser;

    PostgresDatabases(String adminJdbcUrl, String superuser) {
        this.adminJdbcUrl = adminJdbcUrl;
        this.superuser = superuser;
    }

    /** Creates the database unless it exists, so a kept data folder can be started again with the same names. */
    void createIfMissing(String name) {
        requirePlainName(name);
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, superuser, "");
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** Forces the drop because the services that used the database may still hold pooled connections to it. */
    void drop(String name) {
        requirePlainName(name);
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, superuser, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }

    /** The name goes into SQL as it is: only lower-case letters, digits and _. */
    private static void requirePlainName(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
        }
    }
}
