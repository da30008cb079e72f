package dev.argus.frontend.model;

import org.springframework.jdbc.core.simple.JdbcClient;

/** For integration tests that need the threshold verdict: no model is current. */
public final class ModelFixtures {

    private ModelFixtures() {
    }

    /** Un-adopts every model and makes the frontend see it at once (the next adoption makes one current again). */
    public static void noCurrentModel(JdbcClient jdbc, CurrentModel current) {
        jdbc.sql("update verdict_model set adopted_at = null, adopted_by = null").update();
        current.reloadIfNewer();
    }
}
