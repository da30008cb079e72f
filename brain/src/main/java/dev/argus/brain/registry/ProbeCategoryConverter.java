package dev.argus.brain.registry;

import dev.argus.common.message.ProbeCategory;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ProbeCategory} by its wire name ({@code antivirus}). */
@Converter
class ProbeCategoryConverter implements AttributeConverter<ProbeCategory, String> {

    @Override
    public String convertToDatabaseColumn(ProbeCategory category) {
        return category == null ? null : category.wireName();
    }

    @Override
    public ProbeCategory convertToEntityAttribute(String wireName) {
        return wireName == null ? null : ProbeCategory.fromWireName(wireName);
    }
}
