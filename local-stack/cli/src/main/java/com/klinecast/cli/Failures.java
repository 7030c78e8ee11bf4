package com.klinecast.cli;

import com.klinecast.core.machine.MachineFault;
import com.klinecast.core.registry.ModelNotFoundException;
import java.io.PrintWriter;
import java.time.DateTimeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How a command's failure reaches the operator: one line, never a stack trace. Bad input (a value the command
 * refused, a model version that does not exist) exits 2; anything else exits 1, named by its machine fault (disk full, read-only, ...) when it shows
 * one.
 */
final class Failures implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ModelNotFoundException) {
            // A version the operator named that the registry does not hold.
            err.println("error: " + firstLine(e) + "; ./klinecast models lists the versions");
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof IllegalArgumentException || e instanceof DateTimeException) {
            err.println("error: " + firstLine(e));
            err.flush();
            return BAD_INPUT;
        }
        err.println("error: " + MachineFault.describe(e, firstLine(e)));
        err.flush();
        return FAILED;
    }

    /** The message's first line (a stand-in's answer can carry more), or the exception's kind when it has none. */
    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }
}
