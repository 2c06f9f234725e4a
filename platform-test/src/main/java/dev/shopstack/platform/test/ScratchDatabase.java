package dev.shopstack.platform.test;

import dev.shopstack.platform.schema.SharedSchemaMigration;
import dev.shopstack.platform.schema.SharedSchemaProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A database of its own for a schema test, dropped on {@link #close}: an in-memory H2 in MySQL mode, or under the
 * {@code mysql} test profile a new database on the server of {@code DB_URL}. It migrates a service's schema as the
 * service starts ({@link #migrateAsTheServiceStarts}), or as it was before a change ({@link #migrateAsBefore}): the
 * service's migrations with some files swapped for their earlier versions kept under test resources.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final DriverManagerDataSource dataSource;
    private final Runnable drop;

    private ScratchDatabase(DriverManagerDataSource dataSource, Runnable drop) {
        this.dataSource = dataSource;
        this.drop = drop;
    }

    public static ScratchDatabase create() {
        String name = "scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!System.getProperty("spring.profiles.active", "").contains("mysql")) {
            var h2 = new DriverManagerDataSource(
                    "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                    "sa",
                    "");
            return new ScratchDatabase(h2, () -> new JdbcTemplate(h2).execute("SHUTDOWN"));
        }
        String serviceUrl = System.getenv("DB_URL");
        String server = serviceUrl.substring(0, serviceUrl.lastIndexOf('/') + 1);
        String user = System.getenv().getOrDefault("DB_USERNAME", "root");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        var admin = new JdbcTemplate(new DriverManagerDataSource(server, user, password));
        admin.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new ScratchDatabase(
                new DriverManagerDataSource(server + name, user, password),
                () -> admin.execute("DROP DATABASE " + name));
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    /**
     * The schema as the service starts: its {@code db/migration} and the shared tables, with the service's
     * {@code shop.schema} and {@code shop.outbox.enabled} from its {@code application.yml}.
     */
    public void migrateAsTheServiceStarts() {
        SharedSchemaMigration.of(
                        sharedSchemaSettings(),
                        applicationYml()
                                .bind("shop.outbox.enabled", Boolean.class)
                                .orElse(false))
                .migrate(serviceFlyway("classpath:db/migration"));
    }

    /** The service's {@code shop.schema} settings, from its {@code application.yml}. */
    public static SharedSchemaProperties sharedSchemaSettings() {
        return applicationYml()
                .bind("shop.schema", SharedSchemaProperties.class)
                .orElseGet(() -> new SharedSchemaProperties(null));
    }

    /** The service's own migrations only, with each file in {@code earlierVersions} (a classpath folder) swapped in. */
    public void migrateAsBefore(String earlierVersions) {
        Path folder = migrationsWith(earlierVersions);
        try {
            serviceFlyway("filesystem:" + folder).migrate();
        } finally {
            FileSystemUtils.deleteRecursively(folder.toFile());
        }
    }

    /** Whether Flyway, configured as the service configures it, finds the applied migrations as they are now. */
    public boolean validatesAsTheServiceStarts() {
        return serviceFlyway("classpath:db/migration").validateWithResult().validationSuccessful;
    }

    /** Each column of the table as name, type, size and nullability, and each index by its columns: its shape. */
    public List<String> shapeOf(String table) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            var shape = new TreeSet<String>();
            try (ResultSet columns = metaData.getColumns(connection.getCatalog(), null, table, null)) {
                while (columns.next()) {
                    shape.add("column " + columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME") + "("
                            + columns.getInt("COLUMN_SIZE") + ") " + columns.getString("IS_NULLABLE"));
                }
            }
            // indexes by their columns: the databases name those of keys and constraints as they like
            var indexes = new TreeMap<String, TreeMap<Integer, String>>();
            try (ResultSet index = metaData.getIndexInfo(connection.getCatalog(), null, table, false, false)) {
                while (index.next()) {
                    if (index.getString("INDEX_NAME") != null) {
                        String kind = index.getBoolean("NON_UNIQUE") ? "index " : "unique index ";
                        indexes.computeIfAbsent(kind + index.getString("INDEX_NAME"), name -> new TreeMap<>())
                                .put(index.getInt("ORDINAL_POSITION"), index.getString("COLUMN_NAME"));
                    }
                }
            }
            indexes.forEach((name, columns) -> shape.add(name.substring(0, name.lastIndexOf(' ')) + " "
                    + columns.values().stream()
                            .map(column -> column.toLowerCase(Locale.ROOT))
                            .toList()));
            return new ArrayList<>(shape);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        drop.run();
    }

    private Flyway serviceFlyway(String location) {
        return Flyway.configure().dataSource(dataSource).locations(location).load();
    }

    private static Binder applicationYml() {
        try {
            List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path migrationsWith(String earlierVersions) {
        try {
            Path folder = Files.createTempDirectory("migrations");
            var resolver = new PathMatchingResourcePatternResolver();
            for (String pattern : List.of("classpath:db/migration/*.sql", "classpath:" + earlierVersions + "/*.sql")) {
                for (Resource migration : resolver.getResources(pattern)) {
                    try (InputStream in = migration.getInputStream()) {
                        Files.copy(in, folder.resolve(migration.getFilename()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
