package dev.argus.probe.engine.binary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns bit fields into the names of the bits that are set. */
public final class Flags {

    private Flags() {
    }

    /** An ordered, unmodifiable table from alternating values and names: {@code table(0x1L, "A", 0x2L, "B")}. */
    public static Map<Long, String> table(Object... valuesAndNames) {
        Map<Long, String> table = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndNames.length; i += 2) {
            table.put(((Number) valuesAndNames[i]).longValue(), (String) valuesAndNames[i + 1]);
        }
        return Collections.unmodifiableMap(table);
    }

    /**
     * The names of the set bits of {@code value}, in the order of {@code names} (a map from bit to name); set bits
     * without a name are listed as hex.
     */
    public static List<String> names(long value, Map<Long, String> names) {
        List<String> set = new ArrayList<>();
        long unnamed = value;
        for (Map.Entry<Long, String> bit : names.entrySet()) {
            if ((value & bit.getKey()) != 0) {
                set.add(bit.getValue());
                unnamed &= ~bit.getKey();
            }
        }
        if (unnamed != 0) {
            set.add(BinaryFile.hex(unnamed));
        }
        return set;
    }

    /** The name of {@code value}, or its hex form when unnamed. */
    public static String name(long value, Map<Long, String> names) {
        String name = names.get(value);
        return name != null ? name : BinaryFile.hex(value);
    }
}
