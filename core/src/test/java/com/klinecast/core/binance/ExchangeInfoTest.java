package com.klinecast.core.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeInfoTest {

    /** exchangeInfo's shape (fields cut): a delisted pair, another quote, a symbol no key can hold. */
    private static final String BODY = """
            {"timezone":"UTC","serverTime":1751328300000,"rateLimits":[],"symbols":[
             {"symbol":"ETHUSDT","status":"TRADING","baseAsset":"ETH","quoteAsset":"USDT"},
             {"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT"},
             {"symbol":"LUNAUSDT","status":"BREAK","baseAsset":"LUNA","quoteAsset":"USDT"},
             {"symbol":"ETHBTC","status":"TRADING","baseAsset":"ETH","quoteAsset":"BTC"},
             {"symbol":"我踏马来了USDT","status":"TRADING","baseAsset":"我踏马来了","quoteAsset":"USDT"}]}""";

    @Test
    void keepsTradingSymbolsOfTheQuoteAssetSorted() {
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), ExchangeInfo.trading(BODY, "USDT"));
        assertEquals(List.of("ETHBTC"), ExchangeInfo.trading(BODY, "BTC"));
    }

    @Test
    void anAnswerWithoutSymbolsIsRefused() {
        assertThrows(IllegalStateException.class, () -> ExchangeInfo.trading("{\"code\":-1000}", "USDT"));
        assertThrows(IllegalStateException.class, () -> ExchangeInfo.trading("<html>", "USDT"));
    }
}
