package dev.trailhound.formats.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reads {@code userIdentity} from a token stream into a {@link DecodedIdentity}. */
final class IdentityDecoder {
    private final StringPool pool;

    IdentityDecoder(StringPool pool) {
        this.pool = pool;
    }

    /** The parser is on the START_OBJECT of userIdentity; returns with it on the matching END_OBJECT. */
    void decode(JsonParser p, DecodedIdentity id) throws IOException, FieldTypeException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                // one call site for the string fields: the JIT inlines the parser's string reading once
                case "type", "arn", "accountId", "principalId", "userName", "accessKeyId", "invokedBy" ->
                        setText(id, name, shared(p, v, "userIdentity.", name));
                case "sessionContext" -> sessionContext(p, v, id);
                default -> p.skipChildren();
            }
        }
        expectEnd(t, "userIdentity");
    }

    /** The values are shared (the ARN is the principal key: one instance, its hash computed once). */
    private static void setText(DecodedIdentity id, String name, String value) {
        switch (name) {
            case "type" -> id.type = value;
            case "arn" -> id.arn = value;
            case "accountId" -> id.accountId = value;
            case "principalId" -> id.principalId = value;
            case "userName" -> id.userName = value;
            case "accessKeyId" -> id.accessKeyId = value;
            case "invokedBy" -> id.invokedBy = value;
            default -> throw new IllegalArgumentException("no userIdentity string field " + name);
        }
    }

    private void sessionContext(JsonParser p, JsonToken v, DecodedIdentity id) throws IOException, FieldTypeException {
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v != JsonToken.START_OBJECT) {
            throw new FieldTypeException("userIdentity.sessionContext", "an object", v);
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "sessionIssuer" -> sessionIssuer(p, value, id);
                case "attributes" -> attributes(p, value, id);
                case "sourceIdentity" -> id.sourceIdentity = shared(p, value, "userIdentity.sessionContext.", name);
                default -> p.skipChildren();
            }
        }
        expectEnd(t, "userIdentity.sessionContext");
    }

    private void sessionIssuer(JsonParser p, JsonToken v, DecodedIdentity id) throws IOException, FieldTypeException {
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v != JsonToken.START_OBJECT) {
            throw new FieldTypeException("userIdentity.sessionContext.sessionIssuer", "an object", v);
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "arn" -> id.issuerArn = shared(p, value, "userIdentity.sessionContext.sessionIssuer.", name);
                case "userName" -> id.issuerName = shared(p, value, "userIdentity.sessionContext.sessionIssuer.", name);
                default -> p.skipChildren();
            }
        }
        expectEnd(t, "userIdentity.sessionContext.sessionIssuer");
    }

    private void attributes(JsonParser p, JsonToken v, DecodedIdentity id) throws IOException, FieldTypeException {
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v != JsonToken.START_OBJECT) {
            throw new FieldTypeException("userIdentity.sessionContext.attributes", "an object", v);
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "creationDate" -> id.creationDate = text(p, value, "userIdentity.sessionContext.attributes.creationDate");
                case "mfaAuthenticated" -> id.mfa = flag(p, value, "userIdentity.sessionContext.attributes.mfaAuthenticated");
                default -> p.skipChildren();
            }
        }
        expectEnd(t, "userIdentity.sessionContext.attributes");
    }

    /** {@link #text(JsonParser, JsonToken, String, String)}, the value shared through the pool. */
    String shared(JsonParser p, JsonToken v, String prefix, String name) throws IOException, FieldTypeException {
        if (v == JsonToken.VALUE_STRING) {
            return pool.share(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        return text(p, v, prefix, name);
    }

    /** {@link #text(JsonParser, JsonToken, String)} of the field {@code prefix + name}, the name built only for an error. */
    static String text(JsonParser p, JsonToken v, String prefix, String name) throws IOException, FieldTypeException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return text(p, v, prefix.isEmpty() ? name : prefix + name);
    }

    /** {@link #flag(JsonParser, JsonToken, String)} of the field {@code prefix + name}, the name built only for an error. */
    static Boolean flag(JsonParser p, JsonToken v, String prefix, String name) throws IOException, FieldTypeException {
        if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE || v == JsonToken.VALUE_NULL) {
            return v == JsonToken.VALUE_NULL ? null : v == JsonToken.VALUE_TRUE;
        }
        return flag(p, v, prefix.isEmpty() ? name : prefix + name);
    }

    /** A string field; null for JSON null; scalars of another type are a type error. */
    static String text(JsonParser p, JsonToken v, String field) throws IOException, FieldTypeException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            p.skipChildren();
        }
        throw new FieldTypeException(field, "a string", describe(v));
    }

    /** CloudTrail writes booleans both as JSON booleans and as the strings "true"/"false". */
    static Boolean flag(JsonParser p, JsonToken v, String field) throws IOException, FieldTypeException {
        if (v == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (v == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if ("true".equalsIgnoreCase(s)) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(s)) {
                return Boolean.FALSE;
            }
            throw new FieldTypeException(field, "true or false", "\"" + s + "\"");
        }
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            p.skipChildren();
        }
        throw new FieldTypeException(field, "a boolean", describe(v));
    }

    static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
            default -> String.valueOf(t);
        };
    }

    private static void expectEnd(JsonToken t, String field) throws IOException {
        if (t != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, "unexpected " + t + " in " + field);
        }
    }
}
