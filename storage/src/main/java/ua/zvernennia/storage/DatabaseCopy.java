package ua.zvernennia.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Copies every row of one zvernennia database into another, empty one, of any supported kind
 * (H2, SQLite, PostgreSQL), and checks the copy: per table the row count and a checksum of every
 * value, computed on both sides. Both databases are migrated to this version's schema first (as
 * the app would at its next start); the tables are found in the schema and copied parents first,
 * so a table a later migration adds is copied too. Identity columns continue after the copied
 * ids. Run it with the app stopped: rows written meanwhile would be missed.
 */
public final class DatabaseCopy {
    /** Flyway's bookkeeping and the readiness probe's row belong to each database itself. */
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "storage_probe");

    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 20_000;

    /** One table copied: its rows, and the checksum both sides agree on. */
    public record Table(String name, long rows, String checksum) {}

    /** What does not match after a copy, or why a copy cannot start. */
    public static final class CopyException extends RuntimeException {
        public CopyException(String message) {
            super(message);
        }

        CopyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private enum Kind {
        LONG,
        DOUBLE,
        BOOLEAN,
        TEXT
    }

    private record Column(String name, Kind kind) {}

    private DatabaseCopy() {}

    /**
     * Copies {@code from} into {@code to}, which must hold no rows; reports each table as it is
     * done. Throws {@link CopyException} when the target is not empty, the schemas differ or the
     * check finds a difference.
     */
    public static List<Table> copy(Database from, Database to, Consumer<String> progress) {
        try (Handle source = from.jdbi().open();
                Handle target = to.jdbi().open()) {
            Connection in = source.getConnection();
            Connection out = target.getConnection();
            List<String> tables = tablesInOrder(out);
            Map<String, List<Column>> columns = new LinkedHashMap<>();
            for (String t : tables) {
                List<Column> targetColumns = columns(out, t);
                List<Column> sourceColumns = columns(in, t);
                if (!sourceColumns.equals(targetColumns)) {
                    throw new CopyException(
                            "table " + t + " differs between the databases: " + sourceColumns + " vs " + targetColumns);
                }
                columns.put(t, targetColumns);
                long rows = count(out, t);
                if (rows > 0) {
                    throw new CopyException("the target is not empty: table " + t + " has " + rows
                            + " rows; copy into a new, empty database");
                }
            }
            in.setAutoCommit(false);
            out.setAutoCommit(false);
            for (String t : tables) {
                long copied = copyTable(in, out, t, columns.get(t));
                progress.accept("copied " + t + ": " + copied + " rows");
            }
            continueIdentities(out, to.dialect(), tables);
            out.commit();
            in.commit();

            List<Table> report = new ArrayList<>();
            for (String t : tables) {
                Table a = checksum(in, t, columns.get(t));
                Table b = checksum(out, t, columns.get(t));
                if (!a.equals(b)) {
                    throw new CopyException("the copy of table " + t + " differs: " + a.rows() + " rows with checksum "
                            + a.checksum() + " in the source, " + b.rows() + " rows with checksum " + b.checksum()
                            + " in the target");
                }
                progress.accept("checked " + t + ": " + b.rows() + " rows, checksum " + b.checksum());
                report.add(b);
            }
            in.commit();
            out.commit();
            in.setAutoCommit(true);
            out.setAutoCommit(true);
            return report;
        } catch (SQLException e) {
            throw new CopyException("the copy failed: " + e.getMessage(), e);
        }
    }

    /** The tables to copy, each after the tables it refers to. */
    private static List<String> tablesInOrder(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, String> actual = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!NOT_COPIED.contains(lower) && !lower.startsWith("sqlite_")) {
                    actual.put(lower, name);
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : actual.entrySet()) {
            Set<String> refs = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), t.getValue())) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(t.getKey())) {
                        refs.add(parent);
                    }
                }
            }
            parents.put(t.getKey(), refs);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            boolean moved = false;
            for (Map.Entry<String, Set<String>> t : parents.entrySet()) {
                if (!ordered.contains(t.getKey()) && ordered.containsAll(t.getValue())) {
                    ordered.add(t.getKey());
                    moved = true;
                }
            }
            if (!moved) {
                throw new CopyException("the tables refer to each other in a circle: " + parents);
            }
        }
        return ordered;
    }

    private static List<Column> columns(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getColumns(null, c.getSchema(), name, "%")) {
                while (rs.next()) {
                    columns.add(new Column(
                            rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            kind(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"))));
                }
            }
            if (!columns.isEmpty()) {
                break;
            }
        }
        if (columns.isEmpty()) {
            throw new CopyException("table " + table + " is missing from a database");
        }
        columns.sort((a, b) -> a.name().compareTo(b.name()));
        return columns;
    }

    /** What a column holds, the same on every database whatever each calls it. */
    private static Kind kind(int jdbcType, String typeName) {
        String type = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (jdbcType == Types.BOOLEAN || jdbcType == Types.BIT || type.startsWith("BOOL")) {
            return Kind.BOOLEAN;
        }
        if (type.contains("INT")
                || jdbcType == Types.BIGINT
                || jdbcType == Types.INTEGER
                || jdbcType == Types.SMALLINT) {
            return Kind.LONG;
        }
        if (type.contains("DOUBLE")
                || type.contains("FLOAT")
                || type.contains("REAL")
                || jdbcType == Types.DOUBLE
                || jdbcType == Types.FLOAT
                || jdbcType == Types.REAL) {
            return Kind.DOUBLE;
        }
        return Kind.TEXT;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long copyTable(Connection in, Connection out, String table, List<Column> columns)
            throws SQLException {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        // Identity columns are GENERATED BY DEFAULT: they take the copied ids as they are.
        String insert = "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
        long rows = 0;
        try (Statement select = in.createStatement();
                PreparedStatement ins = out.prepareStatement(insert)) {
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery("SELECT " + names + " FROM " + table)) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = read(rs, i + 1, columns.get(i).kind());
                        if (value == null) {
                            ins.setNull(i + 1, sqlType(columns.get(i).kind()));
                        } else {
                            ins.setObject(i + 1, value);
                        }
                    }
                    ins.addBatch();
                    rows++;
                    if (rows % BATCH == 0) {
                        ins.executeBatch();
                    }
                    if (rows % COMMIT_EVERY == 0) {
                        out.commit();
                    }
                }
            }
            ins.executeBatch();
        }
        return rows;
    }

    private static Object read(ResultSet rs, int i, Kind kind) throws SQLException {
        Object value = switch (kind) {
            case LONG -> rs.getLong(i);
            case DOUBLE -> rs.getDouble(i);
            case BOOLEAN -> rs.getBoolean(i);
            case TEXT -> rs.getString(i);
        };
        return rs.wasNull() ? null : value;
    }

    private static int sqlType(Kind kind) {
        return switch (kind) {
            case LONG -> Types.BIGINT;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case TEXT -> Types.VARCHAR;
        };
    }

    /**
     * Identity columns go on after the highest copied id. SQLite's AUTOINCREMENT does so by
     * itself when a row is inserted with its id.
     */
    private static void continueIdentities(Connection c, Dialect dialect, List<String> tables) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return;
        }
        DatabaseMetaData meta = c.getMetaData();
        for (String t : tables) {
            String name = dialect == Dialect.H2 ? t.toUpperCase(Locale.ROOT) : t;
            try (ResultSet rs = meta.getColumns(null, c.getSchema(), name, "%")) {
                while (rs.next()) {
                    if (!"YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                        continue;
                    }
                    String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    long max;
                    try (Statement st = c.createStatement();
                            ResultSet m = st.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) FROM " + t)) {
                        m.next();
                        max = m.getLong(1);
                    }
                    try (Statement st = c.createStatement()) {
                        if (dialect == Dialect.H2) {
                            st.execute("ALTER TABLE " + t + " ALTER COLUMN " + column + " RESTART WITH " + (max + 1));
                        } else {
                            st.execute("SELECT setval(pg_get_serial_sequence('" + t + "', '" + column + "'), "
                                    + Math.max(max, 1) + ", " + (max > 0) + ")");
                        }
                    }
                }
            }
        }
    }

    /**
     * The row count and a checksum of every value: the sum of a hash of each row, so that the
     * order the database returns rows in (its collation) does not matter, and a missing, extra
     * or changed row does.
     */
    private static Table checksum(Connection c, String table, List<Column> columns) throws SQLException {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long sum = 0;
        long rows = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(BATCH);
            try (ResultSet rs = st.executeQuery("SELECT " + names + " FROM " + table)) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        Object v = read(rs, i + 1, columns.get(i).kind());
                        byte[] bytes =
                                v == null ? new byte[] {0} : ("v" + canonical(v)).getBytes(StandardCharsets.UTF_8);
                        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                        sha.update(bytes);
                    }
                    sum += ByteBuffer.wrap(sha.digest()).getLong();
                    rows++;
                }
            }
        }
        return new Table(table, rows, HexFormat.of().toHexDigits(sum));
    }

    private static String canonical(Object v) {
        if (v instanceof Double d) {
            return Long.toHexString(Double.doubleToLongBits(d));
        }
        return v.toString();
    }
}
