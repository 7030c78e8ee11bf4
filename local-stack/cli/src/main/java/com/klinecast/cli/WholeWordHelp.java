package com.klinecast.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Usage help wrapped at the terminal's width between words only. Picocli wraps with the JDK's line
 * {@code BreakIterator}, which also breaks after a hyphen, a dot, a slash or a colon, so a URL, a path or an
 * option name ends up split across lines. Before wrapping, each such character inside a word is swapped for a
 * private-use character the iterator treats as a letter; every rendered section swaps them back.
 */
final class WholeWordHelp extends Help {

    /** Private-use characters stand in for ASCII punctuation: U+E000 plus the character. */
    private static final char BASE = '\uE000';

    WholeWordHelp(CommandSpec spec, ColorScheme colorScheme) {
        super(spec, colorScheme);
    }

    /** Wraps every command's help this way, at the terminal's width, with the CLI's exit codes listed. */
    static void apply(CommandLine cli, Map<String, String> exitCodes) {
        cli.setHelpFactory(WholeWordHelp::new);
        cli.setUsageHelpAutoWidth(true);
        applyTo(cli, exitCodes);
    }

    private static void applyTo(CommandLine command, Map<String, String> exitCodes) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.exitCodeListHeading("%nExit codes:%n");
        usage.exitCodeList(exitCodes);
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
        command.getHelpSectionMap().forEach((key, renderer) -> sections.put(key, help -> restore(renderer.render(help))));
        command.setHelpSectionMap(sections);
        command.getSubcommands().values().forEach(sub -> applyTo(sub, exitCodes));
    }

    @Override
    public String description(Object... params) {
        UsageMessageSpec usage = commandSpec().usageMessage();
        String[] lines = usage.description().clone();
        for (int i = 0; i < lines.length; i++) {
            lines[i] = protect(lines[i]);
        }
        return join(ansi(), usage.width(), usage.adjustLineBreaksForWideCJKCharacters(), lines, new StringBuilder(),
                params).toString();
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
            ColorScheme scheme) {
        Layout layout = super.createDefaultLayout(options, positionals, scheme);
        return new Layout(scheme, layout.textTable(), layout.optionRenderer(), layout.parameterRenderer()) {
            @Override
            public void layout(ArgSpec argSpec, Ansi.Text[][] cellValues) {
                for (Ansi.Text[] row : cellValues) {
                    int last = row.length - 1;
                    row[last] = scheme.text(protect(row[last].plainString()));
                }
                super.layout(argSpec, cellValues);
            }
        };
    }

    /** Punctuation followed by more of the same word, swapped so that no line breaks there. */
    static String protect(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean inWord = i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
            boolean breakable = c < 128 && c != '%' && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
            out.append(inWord && breakable ? (char) (BASE + c) : c);
        }
        return out.toString();
    }

    static String restore(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= BASE && c < BASE + 128 ? (char) (c - BASE) : c);
        }
        return out.toString();
    }
}
