package com.klinecast.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CLI examples in README.md: every {@code ./klinecast ...} command line (in a code block, with or without a
 * {@code $} prompt, its {@code # comment} cut; or in inline code), and every row of the command table as its
 * command words ({@code models promote} for {@code models [--symbol S] [--interval I] promote --version N ...});
 * each {@code $ curl -s 'URL'} in a code block with the answer shown under it (its lines joined), and each
 * {@code $ ./klinecast ...} with the output lines shown under it.
 */
record ReadmeExamples(Set<String> commandLines, Set<String> tableCommands, Map<String, String> curlAnswers,
        Map<String, List<String>> transcripts) {

    private static final Pattern INLINE = Pattern.compile("`(\\./klinecast[^`]*)`");
    private static final Pattern CURL = Pattern.compile("^\\$ curl -s '([^']+)'$");
    private static final Pattern TABLE_CELL = Pattern.compile("^\\| `((?:[^`\\\\]|\\\\.)+)` \\|");

    static ReadmeExamples of(String readme) {
        Set<String> lines = new LinkedHashSet<>();
        Set<String> table = new LinkedHashSet<>();
        Map<String, String> curls = new LinkedHashMap<>();
        String curl = null;
        Map<String, List<String>> transcripts = new LinkedHashMap<>();
        List<String> transcript = null;
        boolean fenced = false;
        boolean commandTable = false;
        for (String line : readme.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                curl = null;
                transcript = null;
                continue;
            }
            if (fenced) {
                Matcher curlLine = CURL.matcher(line);
                if (curlLine.matches()) {
                    curl = curlLine.group(1);
                    curls.put(curl, "");
                    continue;
                }
                if (line.startsWith("$ ")) {
                    curl = null;
                    transcript = null;
                } else if (curl != null) {
                    curls.merge(curl, line.startsWith(" ") ? line.substring(1) : line, String::concat);
                    continue;
                } else if (transcript != null) {
                    transcript.add(line);
                    continue;
                }
                if (line.startsWith("$ ./klinecast ")) {
                    transcript = transcripts.computeIfAbsent(normalized(line.substring(2)), k -> new ArrayList<>());
                }
                String command = line.startsWith("$ ") ? line.substring(2) : line;
                if (command.startsWith("./klinecast ")) {
                    lines.add(normalized(command.replaceFirst("\\s+#.*$", "")));
                }
                continue;
            }
            Matcher inline = INLINE.matcher(line);
            while (inline.find()) {
                if (inline.group(1).startsWith("./klinecast ")) { // not the bare script named in prose
                    lines.add(normalized(inline.group(1)));
                }
            }
            if (line.startsWith("| command |")) {
                commandTable = true;
            } else if (!line.startsWith("|")) {
                commandTable = false;
            } else if (commandTable) {
                Matcher cell = TABLE_CELL.matcher(line);
                if (cell.find()) {
                    table.add(commandWords(cell.group(1).replace("\\|", "|")));
                }
            }
        }
        return new ReadmeExamples(lines, table, curls, transcripts);
    }

    /**
     * The words of a synopsis that name the command: lower-case words outside brackets that are not an option's
     * value ({@code S}, {@code DATE} and {@code FUNCTION_LOGICAL_ID} are placeholders).
     */
    static String commandWords(String synopsis) {
        List<String> words = new ArrayList<>();
        int depth = 0;
        String previous = "";
        for (String token : synopsis.trim().split("\\s+")) {
            boolean word = depth == 0 && token.matches("[a-z][a-z0-9-]*") && !previous.startsWith("-");
            if (word) {
                words.add(token);
            }
            for (char c : token.toCharArray()) {
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            }
            previous = token;
        }
        return String.join(" ", words);
    }

    private static String normalized(String command) {
        return command.trim().replaceAll("\\s+", " ");
    }
}
