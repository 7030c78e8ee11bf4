package com.klinecast.cli;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;

/** A template function's handler class, found and checked as the Lambda runtime would load it. */
final class HandlerClasses {

    private HandlerClasses() {
    }

    /** The class the Handler names, checked to be a RequestHandler with that method. */
    static Class<?> of(SamTemplate.ServerlessFunction function) {
        if (function.handler() == null) {
            throw new IllegalArgumentException(function.id() + " has no Handler");
        }
        Class<?> type;
        try {
            type = Class.forName(function.handlerClass());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(function.id() + "'s Handler " + function.handler()
                    + " names a class that is not on the CLI's classpath");
        }
        if (!RequestHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(function.handlerClass() + " does not implement RequestHandler");
        }
        if (Arrays.stream(type.getMethods()).noneMatch(m -> m.getName().equals(function.handlerMethod())
                && m.getParameterCount() == 2)) {
            throw new IllegalArgumentException(function.handlerClass() + " has no method "
                    + function.handlerMethod() + "(event, context)");
        }
        return type;
    }

    /** The event type {@code I} of the handler's {@code RequestHandler<I, O>}. */
    static Class<?> inputType(Class<?> handlerClass) {
        for (Type type : handlerClass.getGenericInterfaces()) {
            if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> input) {
                return input;
            }
        }
        throw new IllegalArgumentException(handlerClass.getName() + " does not declare RequestHandler<I, O> with a "
                + "concrete event type");
    }
}
