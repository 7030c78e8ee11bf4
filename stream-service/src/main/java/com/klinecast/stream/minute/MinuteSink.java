package com.klinecast.stream.minute;

import java.util.List;

/** Where closed minutes go: durably written when this returns, or it throws and the caller keeps them. */
@FunctionalInterface
public interface MinuteSink {

    void write(String symbol, List<MinuteBar> minutes);
}
