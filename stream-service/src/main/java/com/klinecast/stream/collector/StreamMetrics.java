package com.klinecast.stream.collector;

import com.klinecast.core.observability.MetricsDocument;
import com.klinecast.core.observability.MetricsDocument.Unit;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import com.klinecast.stream.minute.MinuteBar;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Embedded Metric Format document per minute written, on standard output (the ECS task's log group, where
 * CloudWatch extracts the metrics): trades in it, minutes written, incomplete minutes, reconnects since the last
 * document and lag (now minus the latest trade time). Rolled up by service alone, so one alarm watches every series.
 */
public final class StreamMetrics {

    static final String SERVICE = "stream-collector";

    private final MetricsSink sink;

    public StreamMetrics(MetricsSink sink) {
        this.sink = sink;
    }

    public void minuteWritten(MinuteBar minute, long reconnects, long lagMillis, Instant now) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Service", SERVICE);
        dimensions.put("Series", new Series(minute.symbol(), Interval.M1).id());
        sink.emit(MetricsDocument.withDimensions(dimensions)
                .metric("Trades", minute.candle().trades(), Unit.COUNT)
                .metric("MinutesWritten", 1, Unit.COUNT)
                .metric("IncompleteMinutes", minute.incomplete() ? 1 : 0, Unit.COUNT)
                .metric("Reconnects", reconnects, Unit.COUNT)
                .metric("Lag", lagMillis, Unit.MILLISECONDS)
                .rollUp("Service")
                .property("openTime", minute.openTime()));
    }
}
