package com.klinecast.cli;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events, responses and function errors as JSON, the way the Lambda runtime reads and writes them. */
final class LambdaJson {

    private LambdaJson() {
    }

    /**
     * The event deserialized as the Lambda runtime does (aws-lambda-java-serialization).
     *
     * @param source where the JSON came from, for the message when it is not such an event
     */
    static Object event(byte[] json, Class<?> type, String source) {
        try {
            return LambdaEventSerializers.serializerFor(type, LambdaJson.class.getClassLoader())
                    .fromJson(new ByteArrayInputStream(json));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + " is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static String responseJson(Object response) {
        if (response == null) {
            return "null";
        }
        try {
            if (response.getClass().getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                LambdaEventSerializers.serializerFor((Class) response.getClass(), LambdaJson.class.getClassLoader())
                        .toJson(response, out);
                return Reports.JSON.writeValueAsString(Reports.JSON.readTree(out.toByteArray()));
            }
            return Reports.JSON.writeValueAsString(response);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the response as JSON", e);
        }
    }

    static String errorJson(RuntimeException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorMessage", e.getMessage());
        error.put("errorType", e.getClass().getName());
        error.put("stackTrace", Arrays.stream(e.getStackTrace()).limit(20).map(StackTraceElement::toString).toList());
        try {
            return Reports.JSON.writeValueAsString(error);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
