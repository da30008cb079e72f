package dev.argus.frontend.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON request bodies may not hold a NUL in any string: PostgreSQL refuses NUL in text, so it would otherwise
 * reach the database and come back as a 503. Registered with the JSON mapper Spring MVC reads bodies with; the
 * refusal is a 400 like any unreadable body ({@link ProblemHandling}). Query, form and header values are checked by
 * {@link RequestTargetFilter}.
 */
@Configuration(proxyBeanMethods = false)
class NulRefusingJson {

    @Bean
    JacksonModule nulRefusingStrings() {
        return new SimpleModule("argus-nul-refusing-strings").addDeserializer(String.class, new Strings());
    }

    /** Jackson's own string reading, then the NUL check. */
    static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, value.replace('\0', ' '),
                        TextRules.NUL_REFUSED);
            }
            return value;
        }
    }
}
