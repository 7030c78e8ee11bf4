package com.klinecast.core.store;

import static com.klinecast.core.store.FeatureTableSchema.OPEN_TIME;
import static com.klinecast.core.store.FeatureTableSchema.SERIES;

import com.klinecast.core.ledger.LedgerEntry;
import com.klinecast.core.ledger.Score;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.PublishedVolatility;
import com.klinecast.core.volatility.VarianceMeasure;
import com.klinecast.core.volatility.VarianceProxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ledger entry to feature-table item and back. The partition is {@code #ledger#BTCUSDT#1d#close} ('#' cannot
 * start a symbol, so it never meets a series' rows), the sort key the origin's open time; each horizon's score is
 * an attribute of its own ({@code h7}), so it can be added once by a conditional update. Doubles are written in
 * their shortest exact form, so they read back bit-identical. A volatility entry adds {@code variance} (the proxy)
 * and {@code realized} ({@code 1h}, when days were measured from their hours), its scores {@code qlike} and
 * {@code naiveQlike}.
 */
final class LedgerItems {

    static final String PREFIX = "#ledger#";

    private static final String VERSION = "version";
    private static final String FAMILY = "family";
    private static final String BAND = "band";
    private static final String ORIGIN_VALUE = "originValue";
    private static final String POINTS = "points";
    private static final String QUANTILES = "quantiles";
    private static final String RECORDED_AT = "recordedAt";
    private static final String VARIANCE = "variance";
    private static final String REALIZED = "realized";
    private static final String QLIKE = "qlike";
    private static final String NAIVE_QLIKE = "naiveQlike";

    private LedgerItems() {
    }

    static String partition(Series series, Target target) {
        return PREFIX + series.id() + "#" + target.code();
    }

    static String scoreAttribute(int horizon) {
        return "h" + horizon;
    }

    static Map<String, AttributeValue> key(Series series, Target target, long origin) {
        return Map.of(SERIES, AttributeValue.fromS(partition(series, target)), OPEN_TIME, number(origin));
    }

    static Map<String, AttributeValue> toItem(LedgerEntry e) {
        Map<String, AttributeValue> item = new HashMap<>(key(e.series(), e.target(), e.origin()));
        item.put(VERSION, AttributeValue.fromN(Integer.toString(e.version())));
        item.put(FAMILY, AttributeValue.fromS(e.family()));
        if (e.band() != null) {
            item.put(BAND, AttributeValue.fromS(e.band()));
        }
        item.put(ORIGIN_VALUE, number(e.originValue()));
        item.put(POINTS, numbers(e.points()));
        if (e.quantiles() != null) {
            List<AttributeValue> rows = new ArrayList<>();
            for (double[] q : e.quantiles()) {
                rows.add(numbers(q));
            }
            item.put(QUANTILES, AttributeValue.fromL(rows));
        }
        item.put(RECORDED_AT, AttributeValue.fromS(e.recordedAt().toString()));
        if (e.variance() != null) {
            item.put(VARIANCE, AttributeValue.fromS(e.variance().proxy().code()));
            if (e.variance().realized()) {
                item.put(REALIZED, AttributeValue.fromS(PublishedVolatility.REALIZED_1H));
            }
        }
        e.scores().forEach((h, s) -> item.put(scoreAttribute(h), toValue(s)));
        return item;
    }

    static AttributeValue toValue(Score s) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("targetTime", number(s.targetTime()));
        m.put("actual", number(s.actual()));
        m.put("absError", number(s.absError()));
        m.put("naiveAbsError", number(s.naiveAbsError()));
        if (s.in80() != null) {
            m.put("in50", AttributeValue.fromBool(s.in50()));
            m.put("in80", AttributeValue.fromBool(s.in80()));
            m.put("in90", AttributeValue.fromBool(s.in90()));
            m.put("pinball", number(s.pinball()));
        }
        if (s.qlike() != null) {
            m.put(QLIKE, number(s.qlike()));
            m.put(NAIVE_QLIKE, number(s.naiveQlike()));
        }
        return AttributeValue.fromM(m);
    }

    static LedgerEntry fromItem(Series series, Target target, Map<String, AttributeValue> item) {
        double[] points = doubles(item.get(POINTS));
        double[][] quantiles = null;
        if (item.containsKey(QUANTILES)) {
            List<AttributeValue> rows = item.get(QUANTILES).l();
            quantiles = new double[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                quantiles[i] = doubles(rows.get(i));
            }
        }
        Map<Integer, Score> scores = new HashMap<>();
        for (int h = 1; h <= points.length; h++) {
            AttributeValue v = item.get(scoreAttribute(h));
            if (v != null) {
                scores.put(h, scoreOf(h, v.m()));
            }
        }
        return new LedgerEntry(series, target, Long.parseLong(item.get(OPEN_TIME).n()),
                Integer.parseInt(item.get(VERSION).n()), item.get(FAMILY).s(),
                item.containsKey(BAND) ? item.get(BAND).s() : null, Double.parseDouble(item.get(ORIGIN_VALUE).n()),
                points, quantiles, Instant.parse(item.get(RECORDED_AT).s()), scores,
                item.containsKey(VARIANCE) ? new VarianceMeasure(VarianceProxy.of(item.get(VARIANCE).s()),
                        item.containsKey(REALIZED)) : null);
    }

    private static Score scoreOf(int h, Map<String, AttributeValue> m) {
        boolean banded = m.containsKey("in80");
        boolean variance = m.containsKey(QLIKE);
        return new Score(h, Long.parseLong(m.get("targetTime").n()), d(m, "actual"), d(m, "absError"),
                d(m, "naiveAbsError"), banded ? m.get("in50").bool() : null, banded ? m.get("in80").bool() : null,
                banded ? m.get("in90").bool() : null, banded ? d(m, "pinball") : null,
                variance ? d(m, QLIKE) : null, variance ? d(m, NAIVE_QLIKE) : null);
    }

    private static double d(Map<String, AttributeValue> m, String name) {
        return Double.parseDouble(m.get(name).n());
    }

    private static AttributeValue numbers(double[] values) {
        List<AttributeValue> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(number(v));
        }
        return AttributeValue.fromL(out);
    }

    private static double[] doubles(AttributeValue list) {
        List<AttributeValue> values = list.l();
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(values.get(i).n());
        }
        return out;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** DynamoDB numbers have no NaN or infinity: a forecast holding one is refused rather than stored as a lie. */
    private static AttributeValue number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a ledger value is not a finite number: " + value);
        }
        return AttributeValue.fromN(Double.toString(value));
    }
}
