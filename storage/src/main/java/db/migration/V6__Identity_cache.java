package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 writes a sequence's state to the file every time its cache of values runs out (32 by
 * default), in a commit of its own; the outbox takes an id for every reply, so that was an extra
 * write of the file every few turns. A larger cache only leaves a gap in the ids after a crash.
 * SQLite and PostgreSQL need nothing.
 */
public class V6__Identity_cache extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"H2".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("ALTER TABLE outbox ALTER COLUMN id SET CACHE 1000");
            st.execute("ALTER TABLE appeal_event ALTER COLUMN id SET CACHE 1000");
        }
    }
}
