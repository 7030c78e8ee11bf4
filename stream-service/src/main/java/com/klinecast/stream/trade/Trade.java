package com.klinecast.stream.trade;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One spot trade as Binance reports it, in the trade stream and in its trades archive alike.
 *
 * @param id Binance's trade id: increases by one per trade of a symbol, so a jump is a trade missed
 * @param time trade time, epoch ms UTC: the minute a trade belongs to
 * @param buyerMaker the buyer's order was resting, so the taker sold; a taker buy is {@code !buyerMaker}
 */
public record Trade(String symbol, long id, BigDecimal price, BigDecimal quantity, long time, boolean buyerMaker) {

    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
    }

    /** Price times quantity, exact: what Binance sums into a kline's quote volume. */
    public BigDecimal quoteQuantity() {
        return price.multiply(quantity);
    }
}
