package com.klinecast.stream.collector;

import com.klinecast.stream.collector.Connector.Connection;
import com.klinecast.stream.trade.Trade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One open connection as the collector tracks it; touched on the collector's thread only. */
final class LiveConnection {

    final Connection connection;
    final long openedAt;
    boolean retiring;
    /** A successor's trades wait here until its predecessor has delivered every trade before them. */
    LiveConnection predecessor;
    final List<Trade> held = new ArrayList<>();
    final Map<String, Long> firstIds = new HashMap<>();
    final Map<String, Long> lastIds = new HashMap<>();

    LiveConnection(Connection connection, long openedAt) {
        this.connection = connection;
        this.openedAt = openedAt;
    }
}
