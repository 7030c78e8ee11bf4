package com.klinecast.stream.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TradeFramesTest {

    @Test
    void aCombinedStreamTradeFrameIsATrade() {
        TradeFrames.Message message = TradeFrames.parse("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\","
                + "\"E\":1502942428400,\"s\":\"BTCUSDT\",\"t\":2,\"p\":\"4261.48000000\",\"q\":\"0.07518300\","
                + "\"T\":1502942432322,\"m\":false,\"M\":true}}");

        assertEquals(new Trade("BTCUSDT", 2, new BigDecimal("4261.48000000"), new BigDecimal("0.07518300"),
                1502942432322L, false), assertInstanceOf(TradeFrames.TradeMessage.class, message).trade());
    }

    @Test
    void serverShutdownAndUnknownEventsAreRecognisedNotFatal() {
        assertInstanceOf(TradeFrames.ShutdownNotice.class, TradeFrames.parse("{\"e\":\"serverShutdown\",\"E\":1}"));
        assertInstanceOf(TradeFrames.Other.class, TradeFrames.parse("{\"result\":null,\"id\":1}"));
    }
}
