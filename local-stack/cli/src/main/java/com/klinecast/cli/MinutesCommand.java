package com.klinecast.cli;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.stream.store.StreamMinutes;
import com.klinecast.stream.store.StreamMinutes.StoredMinute;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The stored minutes of one UTC day: the stream's and the REST ingest's alike. */
@Command(name = "minutes", mixinStandardHelpOptions = true, description = "Lists the SYMBOL#1m minutes of a day.")
final class MinutesCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = "--symbol", defaultValue = "BTCUSDT", description = "Default ${DEFAULT-VALUE}.")
    String symbol;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The UTC day.")
    LocalDate date;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    /** One minute as listed; decimals as Binance writes them, so they stay exact. */
    record Minute(long openTime, String open, String high, String low, String close, String volume,
            String quoteVolume, long trades, String takerBuyVolume, String meanPrice, boolean incomplete,
            String source) {
    }

    @Override
    public Integer call() {
        long from = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        try (LocalStack stack = LocalStack.start(root)) {
            StreamMinutes minutes = new StreamMinutes(stack.featureTable(), BatchWriter.withDefaults(stack.dynamoDb()));
            List<Minute> rows = minutes.read(symbol, from, from + 86_399_999).stream().map(MinutesCommand::row)
                    .toList();
            if (json) {
                System.out.println(Reports.toJson(rows));
                return 0;
            }
            System.out.printf("%-20s %12s %12s %12s %12s %14s %6s %s%n", "minute (UTC)", "open", "high", "low",
                    "close", "volume", "trades", "incomplete");
            for (Minute m : rows) {
                System.out.printf("%-20s %12s %12s %12s %12s %14s %6d %s%n",
                        Instant.ofEpochMilli(m.openTime()), m.open(), m.high(), m.low(), m.close(), m.volume(),
                        m.trades(), m.incomplete() ? "yes" : "");
            }
            System.out.println(rows.size() + " minutes");
            return 0;
        }
    }

    private static Minute row(StoredMinute m) {
        Candle c = m.candle();
        return new Minute(c.openTime(), plain(c.open()), plain(c.high()), plain(c.low()), plain(c.close()),
                plain(c.volume()), plain(c.quoteVolume()), c.trades(), plain(c.takerBuyBaseVolume()),
                m.meanPrice() == null ? null : plain(m.meanPrice()), m.incomplete(), m.source());
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
