/**
 * The forecast ledger: the champion's forecast recorded at every daily run from the newest closed candle, scored
 * horizon by horizon as the candles it forecast close, and the live skill computed from that record (beside naive
 * on the same origins), which also drives the alarms' metrics and the automatic fallback to naive. The volatility
 * champion's forecast is kept the same way and scored by QLIKE beside naive volatility
 * ({@code VolatilityLedger}). {@link Ledger} is the port; {@code core/store/LedgerTable} its DynamoDB adapter.
 */
package com.klinecast.core.ledger;
