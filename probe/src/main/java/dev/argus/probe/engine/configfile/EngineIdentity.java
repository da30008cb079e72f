package dev.argus.probe.engine.configfile;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeCategory;
import java.util.Arrays;
import java.util.Locale;

/**
 * What every configured engine declares about itself.
 *
 * @param name        the probe name (queue {@code argus.probe.<name>})
 * @param displayName a human name, the name when not given
 * @param category    the kind of engine, {@code antivirus} when not given
 * @param mimeTypes   a regex over detected mime types, or null for every type
 */
public record EngineIdentity(String name, String displayName, ProbeCategory category, String mimeTypes) {

    /** Validates the four common fields, recording problems in {@code check}. */
    public static EngineIdentity check(String name, String displayName, String category, String mimeTypes,
                                       ConfigCheck check) {
        String validName = check.required("name", name);
        if (validName != null && !Topology.PROBE_NAME.matcher(validName).matches()) {
            check.fail("name", "'" + validName + "' is not a valid engine name: 1 to 64 lower-case letters, digits,"
                    + " '-' or '_', starting with a letter (e.g. sophos)");
        }
        ProbeCategory kind = ProbeCategory.ANTIVIRUS;
        if (category != null) {
            try {
                kind = ProbeCategory.fromWireName(category.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                check.fail("category", "'" + category + "' is not one of " + Arrays.stream(ProbeCategory.values())
                        .map(ProbeCategory::wireName).toList());
            }
        }
        String mime = mimeTypes == null || mimeTypes.isBlank() ? null : mimeTypes.strip();
        check.regex("mimeTypes", mime, null);
        String display = displayName == null || displayName.isBlank() ? validName : displayName.strip();
        return new EngineIdentity(validName, display, kind, mime);
    }
}
