package com.klinecast.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot parse (an unknown option, a missing or malformed value): bad input, one line
 * naming the problem and where the usage is, instead of the whole usage help.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            // Help asked for beside a required option that is missing (picocli checks those first in commands
            // with an option of their own named --version): the help, as asked.
            command.usage(command.getOut());
            return 0;
        }
        PrintWriter err = command.getErr();
        String suggestion = "";
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                suggestion = "; did you mean " + String.join(" or ", suggestions.subList(0,
                        Math.min(3, suggestions.size()))) + "?";
            }
        }
        err.println("error: " + firstLine(e.getMessage()) + suggestion + " (" + command.getCommandSpec().qualifiedName()
                + " --help shows the usage)");
        err.flush();
        return Failures.BAD_INPUT;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid command line";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }
}
