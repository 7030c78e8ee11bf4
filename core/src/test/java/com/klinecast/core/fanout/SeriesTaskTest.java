package com.klinecast.core.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.series.Series;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesTaskTest {

    @Test
    void aTaskSurvivesItsMessageBody() {
        SeriesTask task = new SeriesTask(Series.of("ETHUSDT", "1h"), Instant.parse("2017-01-01T00:00:00Z"), 2);

        assertEquals(task, SeriesTask.fromJson(task.toJson()));
        assertEquals(3, task.next().continuation());
    }

    @Test
    void aBadBodyIsRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeriesTask.fromJson("not json"))
                .getMessage().contains("not JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeriesTask.fromJson("{\"series\":\"BTCUSDT#1d\"}"))
                .getMessage().contains("\"from\""));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SeriesTask.fromJson("{\"series\":\"BTCUSDT#7x\",\"from\":\"2017-01-01T00:00:00Z\"}"))
                .getMessage().contains("7x"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SeriesTask.fromJson("{\"series\":\"BTCUSDT#1d\",\"from\":\"yesterday\"}"))
                .getMessage().contains("yesterday"));
    }
}
