package com.klinecast.standins.replay;

import java.util.List;
import java.util.Set;

/** Binance's {@code GET /api/v3/exchangeInfo} over the replayed symbols. */
final class ExchangeInfo {

    private ExchangeInfo() {
    }

    /** The quote assets the replay recognizes at the end of a symbol, longest first. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "BTC", "ETH", "BNB");

    /**
     * Binance's exchangeInfo, cut to the fields a catalog sync reads: every symbol with a file, TRADING, its base
     * and quote asset read off its name.
     */
    static String render(Set<String> seriesIds, long now) {
        StringBuilder json = new StringBuilder("{\"timezone\":\"UTC\",\"serverTime\":").append(now)
                .append(",\"symbols\":[");
        List<String> symbols = seriesIds.stream().map(id -> id.substring(0, id.indexOf('#'))).distinct()
                .sorted().toList();
        for (int i = 0; i < symbols.size(); i++) {
            String symbol = symbols.get(i);
            String quote = QUOTES.stream().filter(q -> symbol.endsWith(q) && symbol.length() > q.length())
                    .findFirst().orElse("");
            json.append(i == 0 ? "" : ",").append("{\"symbol\":\"").append(symbol)
                    .append("\",\"status\":\"TRADING\",\"baseAsset\":\"")
                    .append(symbol, 0, symbol.length() - quote.length()).append("\",\"quoteAsset\":\"")
                    .append(quote).append("\"}");
        }
        return json.append("]}").toString();
    }
}
