package dev.argus.brain.job;

import dev.argus.common.message.Category;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Category} by its wire name ({@code type-unsupported}), as the API and the frontend do. */
@Converter
class CategoryConverter implements AttributeConverter<Category, String> {

    @Override
    public String convertToDatabaseColumn(Category category) {
        return category == null ? null : category.wireName();
    }

    @Override
    public Category convertToEntityAttribute(String wireName) {
        return wireName == null ? null : Category.fromWireName(wireName);
    }
}
